"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { orgAction, type OrgActionContext } from "@/lib/action";
import { recordManualConsent } from "./ledger";
import { addManualSuppression, removeSuppression } from "./suppressions";

const id = z.uuid({ error: "errors.NOT_FOUND" });
const actor = (ctx: OrgActionContext) => ({
  userId: ctx.userId,
  userEmail: ctx.userEmail,
  ip: ctx.ip,
});

const ManualConsentSchema = z.object({
  registerId: id,
  contactId: id,
  channel: z.enum(["email", "sms"]),
  action: z.enum(["subscribe", "unsubscribe"]),
  note: z.string().trim().max(500).default(""),
});

/** An editor records a consent change on a contact's channel (source manual). */
export const recordManualConsentAction = orgAction(
  { schema: ManualConsentSchema, role: "editor" },
  async (input, ctx) => {
    // "Merkitty käsin" / "Recorded manually" in the editor's language, plus the optional note.
    const manual = (await getTranslations("consent"))("manualWording");
    await recordManualConsent(await getDb(), ctx.orgId, actor(ctx), {
      ...input,
      wording: input.note ? `${manual}: ${input.note}` : manual,
    });
    revalidatePath(`/${ctx.slug}/registers/${input.registerId}`, "layout");
  },
);

const AddSuppressionSchema = z.object({
  address: z.string().trim().min(1, { error: "consent.errors.invalidEmail" }).max(254),
  note: z.string().trim().max(500).default(""),
});

/** Adds an address (e-mail if it has an @, else a phone number) to the suppression list (editors). */
export const addSuppressionAction = orgAction(
  { schema: AddSuppressionSchema, role: "editor" },
  async (input, ctx) => {
    await addManualSuppression(await getDb(), ctx.orgId, actor(ctx), {
      channel: input.address.includes("@") ? "email" : "sms",
      address: input.address,
      note: input.note,
    });
    revalidatePath(`/${ctx.slug}/registers/suppressions`);
  },
);

/** Removes a suppression entry (main users only). */
export const removeSuppressionAction = orgAction(
  { schema: z.object({ suppressionId: id }), role: "main" },
  async (input, ctx) => {
    await removeSuppression(await getDb(), ctx.orgId, actor(ctx), input.suppressionId);
    revalidatePath(`/${ctx.slug}/registers/suppressions`);
  },
);
