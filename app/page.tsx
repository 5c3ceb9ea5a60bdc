import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { auth } from "@/lib/auth/auth";
import { listMemberships } from "@/lib/orgs/queries";

/** Home: the first organisation of a signed-in user; with none, their profile; else sign-in. */
export default async function Home() {
  const session = await auth();
  if (!session?.user?.id) redirect("/sign-in");
  const orgs = await listMemberships(await getDb(), session.user.id);
  if (orgs[0]) redirect(`/${orgs[0].slug}`);
  // Not "/sign-in": that page sends a signed-in user back here (a loop).
  redirect("/account");
}
