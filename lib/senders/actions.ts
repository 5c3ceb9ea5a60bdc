"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { orgAction, type ActionResult, type OrgActionContext } from "@/lib/action";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { clientIp } from "@/lib/security/request";
import { addDomain, checkDomain, deleteDomain } from "./domains";
import { AddDomainSchema, AddSenderSchema } from "./schemas";
import { addSender, deleteSender, resendSenderVerification, verifySender } from "./senders";

const id = z.uuid({ error: "errors.NOT_FOUND" });
const actor = (ctx: OrgActionContext) => ({
  userId: ctx.userId,
  userEmail: ctx.userEmail,
  ip: ctx.ip,
});
const locale = async () => ((await getLocale()) === "en" ? "en" : "fi") as "fi" | "en";
const page = (ctx: OrgActionContext) => revalidatePath(`/${ctx.slug}/email/senders`);

/** Adds a from-address and mails it a verification link (editors and main users). */
export const addSenderAction = orgAction(
  { schema: AddSenderSchema, role: "editor" },
  async (input, ctx) => {
    await addSender(await getDb(), ctx.orgId, actor(ctx), input, await locale());
    page(ctx);
  },
);

/** Mails a new verification link (at most once per 15 minutes per sender). */
export const resendSenderAction = orgAction(
  { schema: z.object({ senderId: id }), role: "editor" },
  async (input, ctx) => {
    await resendSenderVerification(
      await getDb(),
      ctx.orgId,
      actor(ctx),
      input.senderId,
      await locale(),
    );
    page(ctx);
  },
);

/** Deletes a sender unless a scheduled or sending campaign uses it. */
export const deleteSenderAction = orgAction(
  { schema: z.object({ senderId: id }), role: "editor" },
  async (input, ctx) => {
    await deleteSender(await getDb(), ctx.orgId, actor(ctx), input.senderId);
    page(ctx);
  },
);

/** Adds a sending domain with its DKIM key. */
export const addDomainAction = orgAction(
  { schema: AddDomainSchema, role: "editor" },
  async (input, ctx) => {
    await addDomain(await getDb(), ctx.orgId, actor(ctx), input);
    page(ctx);
  },
);

/** Deletes a sending domain. */
export const deleteDomainAction = orgAction(
  { schema: z.object({ domainId: id }), role: "editor" },
  async (input, ctx) => {
    await deleteDomain(await getDb(), ctx.orgId, actor(ctx), input.domainId);
    page(ctx);
  },
);

/** Checks a domain's records in DNS now (stored for everyone to see). */
export const checkDomainAction = orgAction(
  { schema: z.object({ domainId: id }), role: "editor" },
  async (input, ctx) => {
    const result = await checkDomain(await getDb(), ctx.orgId, input.domainId);
    page(ctx);
    return { status: result.status };
  },
);

/**
 * The button of the public verification page (no session: the token is the authority). A GET of
 * the page never verifies, so mail scanners that open links verify nothing.
 */
export async function verifySenderAction(
  _prev: ActionResult<{ address: string; orgName: string } | null> | null,
  formData: FormData,
): Promise<ActionResult<{ address: string; orgName: string } | null>> {
  try {
    const token = String(formData.get("token") ?? "").slice(0, 200);
    return { ok: true, data: await verifySender(await getDb(), token, await clientIp()) };
  } catch (err) {
    if (isAppError(err)) return { ok: false, error: err.userMessage };
    log.error({ err }, "sender verification failed");
    return { ok: false, error: "errors.INTERNAL" };
  }
}
