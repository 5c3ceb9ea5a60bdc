"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { orgAction, type OrgActionContext } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { decodeFilterParam } from "@/lib/segments/schemas";
import { requestDeletion } from "./bulk-delete";
import { createContact, deleteContact, updateContact, type ContactRaw } from "./contacts";

const id = z.uuid({ error: "errors.NOT_FOUND" });
// Built-in fields by name; custom columns as `c_<key>` (multiple choice: `c_<key>.<n>`).
const ContactFormSchema = z.looseObject({ registerId: id, contactId: id.optional() });
const DeleteContactSchema = z.object({ registerId: id, contactId: id });

const actor = (ctx: OrgActionContext) => ({
  userId: ctx.userId,
  userEmail: ctx.userEmail,
  ip: ctx.ip,
});

function rawOf(input: Record<string, unknown>): ContactRaw {
  const str = (k: string) => (typeof input[k] === "string" ? (input[k] as string) : "");
  const data: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(input)) {
    if (!k.startsWith("c_") || typeof v !== "string") continue;
    const m = /^c_([a-z0-9_]+)\.\d+$/.exec(k);
    if (m) ((data[m[1]!] ??= []) as string[]).push(v);
    else data[k.slice(2)] = v;
  }
  return {
    email: str("email"),
    phone: str("phone"),
    firstName: str("firstName"),
    lastName: str("lastName"),
    data,
  };
}

/** Adds a contact to a register (editors) and opens the register. */
export const createContactAction = orgAction(
  { schema: ContactFormSchema, role: "editor" },
  async (input, ctx) => {
    await createContact(await getDb(), ctx.orgId, actor(ctx), input.registerId, rawOf(input));
    revalidatePath(`/${ctx.slug}/registers/${input.registerId}`);
    redirect(`/${ctx.slug}/registers/${input.registerId}`);
  },
);

/** Saves a contact's values (editors). */
export const updateContactAction = orgAction(
  { schema: ContactFormSchema.extend({ contactId: id }), role: "editor" },
  async (input, ctx) => {
    const db = await getDb();
    await updateContact(db, ctx.orgId, actor(ctx), input.registerId, input.contactId, rawOf(input));
    revalidatePath(`/${ctx.slug}/registers/${input.registerId}`, "layout");
  },
);

/** Deletes a contact (editors) and returns to the register. */
export const deleteContactAction = orgAction(
  { schema: DeleteContactSchema, role: "editor" },
  async (input, ctx) => {
    await deleteContact(await getDb(), ctx.orgId, actor(ctx), input.registerId, input.contactId);
    revalidatePath(`/${ctx.slug}/registers/${input.registerId}`);
    redirect(`/${ctx.slug}/registers/${input.registerId}`);
  },
);

const BulkDeleteSchema = z.object({
  registerId: id,
  q: z.string().max(200).optional().default(""),
  f: z.string().max(40000).optional().default(""),
  /** Contacts picked on the list, comma-separated; when given, `q` and `f` are not used. */
  ids: z
    .string()
    .max(40 * 200)
    .optional()
    .default(""),
});

/**
 * Deletes the contacts picked on the list, or those its search and column filter show, in a
 * background job; back on the register page its progress bar shows how far it got.
 */
export const bulkDeleteContactsAction = orgAction(
  { schema: BulkDeleteSchema, role: "editor" },
  async (input, ctx) => {
    const ids = input.ids ? input.ids.split(",") : null;
    const filter = !ids && input.f ? decodeFilterParam(input.f) : null;
    if (!ids && input.f && !filter)
      throw new AppError("BAD_REQUEST", { userMessage: "contacts.bulkDelete.filterInvalid" });
    await requestDeletion(await getDb(), ctx.orgId, actor(ctx), input.registerId, {
      q: input.q,
      filter,
      ids,
    });
    revalidatePath(`/${ctx.slug}/registers/${input.registerId}`);
    redirect(`/${ctx.slug}/registers/${input.registerId}`);
  },
);
