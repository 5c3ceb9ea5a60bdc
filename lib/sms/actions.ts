"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { orgAction } from "@/lib/action";
import { InboundSmsSchema, SendTestSmsSchema } from "./schemas";
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
