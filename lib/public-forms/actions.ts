"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { orgAction, valuesOf, type ActionResult } from "@/lib/action";
import { isAppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/config";
import { log } from "@/lib/log";
import { clientIp } from "@/lib/security/request";
import { fieldsOf, type Fields } from "./input";
import { requestEditLink, submitJoin, submitLeave } from "./join";
import { confirmJoin, saveEditLink } from "./links";
import { updatePublicForms } from "./settings";

type Ctx = { ip: string; locale: "fi" | "en"; fields: Fields };

/**
 * A server action of the hosted public pages: never reads a session (the forms act only on the
 * register named by its public key or on a mailed token), turns domain errors into data and
 * keeps the typed input for the form.
 */
function publicFormAction<T>(fn: (ctx: Ctx) => Promise<T>) {
  return async (_prev: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    try {
      const locale = await getLocale();
      const ctx = {
        ip: await clientIp(),
        locale: isLocale(locale) ? locale : "fi",
        fields: fieldsOf(formData),
      } as Ctx;
      return { ok: true, data: await fn(ctx) };
    } catch (err) {
      if (isAppError(err))
        return {
          ok: false,
          error: err.userMessage,
          fieldErrors: err.fieldErrors,
          values: refill(formData),
        };
      if (err && typeof err === "object" && "digest" in err) throw err;
      log.error({ err }, "public form action failed");
      return { ok: false, error: "errors.INTERNAL", values: refill(formData) };
    }
  };
}

/** Typed input for the form again; names with several values (multiple choice) also as `name[]` JSON. */
function refill(formData: FormData): Record<string, string> {
  const out = valuesOf(formData);
  for (const name of new Set(formData.keys())) {
    const all = formData.getAll(name).filter((v): v is string => typeof v === "string");
    if (all.length > 1) out[`${name}[]`] = JSON.stringify(all);
  }
  return out;
}

const keyOf = (f: Fields) => (f.key?.[0] ?? "").slice(0, 64);

/** Hosted join page → join, then the thank-you page. */
export const joinAction = publicFormAction(async ({ ip, locale, fields }) => {
  const key = keyOf(fields);
  await submitJoin(await getDb(), { key, ip, locale, fields });
  redirect(`/p/r/${key}/done?f=join`);
});

/** Hosted leave page → leave, then the same answer whether or not the address was known. */
export const leaveAction = publicFormAction(async ({ ip, locale, fields }) => {
  const key = keyOf(fields);
  await submitLeave(await getDb(), { key, ip, locale, fields });
  redirect(`/p/r/${key}/done?f=leave`);
});

/** Hosted edit page → maybe mail an edit link, then the same answer either way. */
export const editRequestAction = publicFormAction(async ({ ip, locale, fields }) => {
  const key = keyOf(fields);
  await requestEditLink(await getDb(), { key, ip, locale, fields });
  redirect(`/p/r/${key}/done?f=edit`);
});

/** The confirm button of a double opt-in link. Returns the names, or null for a used/expired link. */
export const confirmAction = publicFormAction(async ({ ip, fields }) =>
  confirmJoin(await getDb(), (fields.token?.[0] ?? "").slice(0, 100), ip),
);

/** Saves the details form of an edit link. */
export const saveEditAction = publicFormAction(async ({ ip, locale, fields }) => {
  await saveEditLink(await getDb(), (fields.token?.[0] ?? "").slice(0, 100), fields, ip, locale);
  return true;
});

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

const PublicFormsSchema = z.object({
  registerId: z.uuid({ error: "errors.NOT_FOUND" }),
  publicJoin: checkbox,
  doubleOptIn: checkbox,
  joinColumns: z
    .string()
    .default("[]")
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "errors.INVALID_INPUT" });
        return z.NEVER;
      }
    })
    .pipe(z.array(z.string().max(100)).max(100)),
  consentWording: z.string().max(2000).default(""),
});

/** Saves a register's public-form settings (editors). */
export const updatePublicFormsAction = orgAction(
  { schema: PublicFormsSchema, role: "editor" },
  async (input, ctx) => {
    await updatePublicForms(
      await getDb(),
      ctx.orgId,
      { userId: ctx.userId, userEmail: ctx.userEmail, ip: ctx.ip },
      input.registerId,
      input,
    );
    revalidatePath(`/${ctx.slug}/registers/${input.registerId}/public`);
  },
);
