"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { orgAction } from "@/lib/action";
import { retryImport, startImport } from "./imports";

const id = z.uuid({ error: "errors.NOT_FOUND" });
// Mapping fields are `map_<source column index>` with a target ("skip" for none).
const StartImportSchema = z.looseObject({
  registerId: id,
  importId: id,
  mode: z.enum(["add", "update", "upsert"]),
  dedupe: z.enum(["email", "phone", "email_phone"]),
  consent: z.enum(["none", "subscribed"]),
});

/** Saves the mapping and options of a draft import and queues it (editors). */
export const startImportAction = orgAction(
  { schema: StartImportSchema, role: "editor" },
  async (input, ctx) => {
    const mapping: Record<string, string> = {};
    for (const [k, v] of Object.entries(input)) {
      const m = /^map_(\d{1,4})$/.exec(k);
      if (m && typeof v === "string") mapping[m[1]!] = v;
    }
    await startImport(
      await getDb(),
      ctx.orgId,
      { userId: ctx.userId, userEmail: ctx.userEmail, ip: ctx.ip },
      input.importId,
      { mapping, mode: input.mode, dedupe: input.dedupe, consent: input.consent },
    );
    revalidatePath(`/${ctx.slug}/registers/${input.registerId}`, "layout");
    return input.importId;
  },
);

const RetryImportSchema = z.object({ registerId: id, importId: id });

/** Queues a failed import again (editors). */
export const retryImportAction = orgAction(
  { schema: RetryImportSchema, role: "editor" },
  async (input, ctx) => {
    await retryImport(
      await getDb(),
      ctx.orgId,
      { userId: ctx.userId, userEmail: ctx.userEmail, ip: ctx.ip },
      input.importId,
    );
    revalidatePath(`/${ctx.slug}/registers/${input.registerId}`, "layout");
    return input.importId;
  },
);
