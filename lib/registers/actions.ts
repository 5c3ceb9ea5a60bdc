"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { orgAction, type OrgActionContext } from "@/lib/action";
import { erasePerson, parsePersonQuery } from "@/lib/contacts/data-subject";
import { AppError } from "@/lib/errors";
import { addColumn, countColumnValues, moveColumn, removeColumn, updateColumn } from "./columns";
import { PrivacySchema, savePrivacy } from "./privacy";
import { createRegister, deleteRegister } from "./registers";
import {
  AddColumnSchema,
  ColumnIdSchema,
  CreateRegisterSchema,
  MoveColumnSchema,
  RegisterIdSchema,
  UpdateColumnSchema,
} from "./schemas";

const actor = (ctx: OrgActionContext) => ({
  userId: ctx.userId,
  userEmail: ctx.userEmail,
  ip: ctx.ip,
});

/** Creates a register with its columns (editors) and opens it. */
export const createRegisterAction = orgAction(
  { schema: CreateRegisterSchema, role: "editor" },
  async (input, ctx) => {
    const r = await createRegister(await getDb(), ctx.orgId, actor(ctx), input);
    revalidatePath(`/${ctx.slug}/registers`);
    redirect(`/${ctx.slug}/registers/${r.id}`);
  },
);

/** Deletes a register and its contacts (main users). */
export const deleteRegisterAction = orgAction(
  { schema: RegisterIdSchema, role: "main" },
  async (input, ctx) => {
    await deleteRegister(await getDb(), ctx.orgId, actor(ctx), input.registerId);
    revalidatePath(`/${ctx.slug}/registers`);
    redirect(`/${ctx.slug}/registers`);
  },
);

/** Adds a column to a register (editors). */
export const addColumnAction = orgAction(
  { schema: AddColumnSchema, role: "editor" },
  async ({ registerId, ...input }, ctx) => {
    const c = await addColumn(await getDb(), ctx.orgId, actor(ctx), registerId, input);
    revalidatePath(`/${ctx.slug}/registers/${registerId}`, "layout");
    return c.id;
  },
);

/** Renames a column or changes its required flag, help text or options (editors). */
export const updateColumnAction = orgAction(
  { schema: UpdateColumnSchema, role: "editor" },
  async ({ registerId, columnId, ...input }, ctx) => {
    await updateColumn(await getDb(), ctx.orgId, actor(ctx), registerId, columnId, input);
    revalidatePath(`/${ctx.slug}/registers/${registerId}`, "layout");
  },
);

/** Moves a column up or down (editors). */
export const moveColumnAction = orgAction(
  { schema: MoveColumnSchema, role: "editor" },
  async (input, ctx) => {
    const db = await getDb();
    await moveColumn(db, ctx.orgId, actor(ctx), input.registerId, input.columnId, input.direction);
    revalidatePath(`/${ctx.slug}/registers/${input.registerId}`, "layout");
  },
);

/** How many values removing a column would delete (editors; asked before confirming). */
export const countColumnValuesAction = orgAction(
  { schema: ColumnIdSchema, role: "editor" },
  async (input, ctx) =>
    countColumnValues(await getDb(), ctx.orgId, input.registerId, input.columnId),
);

/** Removes a column and its values from every contact (editors). */
export const removeColumnAction = orgAction(
  { schema: ColumnIdSchema, role: "editor" },
  async (input, ctx) => {
    const db = await getDb();
    const n = await removeColumn(db, ctx.orgId, actor(ctx), input.registerId, input.columnId);
    revalidatePath(`/${ctx.slug}/registers/${input.registerId}`, "layout");
    return n;
  },
);

/** Saves (and publishes or withdraws) a register's privacy notice (editors). */
export const savePrivacyAction = orgAction(
  {
    schema: PrivacySchema.extend({
      registerId: z.uuid({ error: "errors.NOT_FOUND" }),
      publish: z
        .string()
        .optional()
        .transform((v) => v === "on"),
    }),
    role: "editor",
  },
  async ({ registerId, publish, ...input }, ctx) => {
    const row = await savePrivacy(await getDb(), ctx.orgId, actor(ctx), registerId, input, publish);
    revalidatePath(`/${ctx.slug}/registers/${registerId}/privacy`);
    return { publishedAt: row.publishedAt?.toISOString() ?? null };
  },
);

/** Erases one person from every register of the organisation (main users; R11). */
export const erasePersonAction = orgAction(
  { schema: z.object({ query: z.string().max(320) }), role: "main" },
  async ({ query }, ctx) => {
    const q = parsePersonQuery(query);
    if (!q) throw new AppError("BAD_REQUEST", { userMessage: "dataRequests.invalidQuery" });
    const r = await erasePerson(await getDb(), ctx.orgId, actor(ctx), q);
    revalidatePath(`/${ctx.slug}/registers`, "layout");
    return r;
  },
);
