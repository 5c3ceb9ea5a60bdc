"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db";
import { orgAction } from "@/lib/action";
import { auth } from "@/lib/auth/auth";
import { SendTestEmailSchema } from "./schemas";
import { requestTestEmail } from "./service";

/** Queues a test e-mail (editor or main user). */
export const sendTestEmailAction = orgAction(
  { schema: SendTestEmailSchema, role: "editor" },
  async (input, ctx) => {
    const session = await auth();
    const locale = (await getLocale()) === "en" ? "en" : "fi";
    const res = await requestTestEmail(await getDb(), {
      orgId: ctx.orgId,
      orgName: ctx.name,
      to: input.to,
      sentBy: session?.user?.email ?? "",
      locale,
      actor: { userId: ctx.userId, ip: ctx.ip },
    });
    revalidatePath(`/${ctx.slug}/sandbox/outbox`);
    return res;
  },
);
