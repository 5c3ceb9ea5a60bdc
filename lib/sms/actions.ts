"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { orgAction } from "@/lib/action";
import { z } from "zod";
import { InboundSmsSchema, SendTestSmsSchema, senderField } from "./schemas";
import { addSmsSender, removeSmsSender } from "./senders";
import { receiveInboundSms, requestTestSms } from "./service";

/** Queues a test SMS to the sandbox phone (editor or main user). */
export const sendTestSmsAction = orgAction(
  { schema: SendTestSmsSchema, role: "editor" },
  async (input, ctx) => {
    const res = await requestTestSms(await getDb(), { orgId: ctx.orgId, ...input });
    revalidatePath(`/${ctx.slug}/sandbox/phone`);
    return res;
  },
);

/** Types an inbound SMS on the organisation's sandbox phone, as if sent to a short code. */
export const sendInboundSmsAction = orgAction(
  { schema: InboundSmsSchema, role: "editor" },
  async (input, ctx) => {
    const res = await receiveInboundSms(
      await getDb(),
      "sandbox",
      {
        providerId: `sandbox-${randomUUID()}`,
        from: input.from,
        to: input.to,
        text: input.text,
        receivedAt: new Date(),
      },
      ctx.orgId,
    );
    revalidatePath(`/${ctx.slug}/sandbox/phone`);
    return res;
  },
);

const actorOf = (ctx: { userId: string; userEmail: string; ip: string }) => ({
  userId: ctx.userId,
  userEmail: ctx.userEmail,
  ip: ctx.ip,
});

/** A main user allows a sender name or number for the organisation's SMS (S2). */
export const addSmsSenderAction = orgAction(
  { schema: z.object({ sender: senderField }), role: "main" },
  async (input, ctx) => {
    await addSmsSender(await getDb(), ctx.orgId, actorOf(ctx), input);
    revalidatePath(`/${ctx.slug}/sms/senders`);
  },
);

/** A main user removes an allowed sender (refused while a campaign still uses it). */
export const removeSmsSenderAction = orgAction(
  { schema: z.object({ senderId: z.uuid({ error: "errors.NOT_FOUND" }) }), role: "main" },
  async (input, ctx) => {
    await removeSmsSender(await getDb(), ctx.orgId, actorOf(ctx), input.senderId);
    revalidatePath(`/${ctx.slug}/sms/senders`);
  },
);
