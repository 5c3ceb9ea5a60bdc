import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { requireUserId } from "@/lib/auth/session";
import { isOperator } from "./guard";

/** For operator pages: the signed-in operator's id; anyone else gets "not found". */
export async function requireOperator(): Promise<string> {
  const userId = await requireUserId();
  if (!(await isOperator(await getDb(), userId))) notFound();
  return userId;
}
