import { z } from "zod";
import { getDb } from "@/db";
import { auth } from "@/lib/auth/auth";
import { AppError, isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { findMembership, type Membership } from "@/lib/orgs/queries";
import { hasRole, type Role } from "@/lib/orgs/roles";
import { clientIp } from "@/lib/security/request";

/** What every server action returns to `useActionState`. `error` is an i18n key. */
export type ActionResult<T = unknown> = {
  ok: boolean;
  data?: T;
  error?: string;
  fieldErrors?: Record<string, string[]>;
  /** The submitted text fields on failure, so the form shows them again (no lost input). */
  values?: Record<string, string>;
};

export type OrgActionContext = Membership & { userId: string; userEmail: string; ip: string };

/**
 * Builds an organisation-scoped server action. Server actions are public endpoints, so on every
 * call it (1) reads the session, (2) loads the membership of the organisation named by the
 * form's `org` field and checks the role on the server, (3) parses the input with the schema,
 * (4) calls the domain function and (5) turns errors into data.
 */
export function orgAction<S extends z.ZodType, T>(
  opts: { schema: S; role: Role; allowSuspended?: boolean },
  fn: (input: z.infer<S>, ctx: OrgActionContext) => Promise<T>,
) {
  return async (_prev: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    try {
      const session = await auth();
      if (!session?.user?.id) throw new AppError("UNAUTHORIZED");
      const slug = String(formData.get("org") ?? "");
      const m = await findMembership(await getDb(), session.user.id, slug);
      if (!m) throw new AppError("NOT_FOUND");
      if (!hasRole(m.role, opts.role)) throw new AppError("FORBIDDEN");
      if (m.status === "suspended" && !opts.allowSuspended)
        throw new AppError("FORBIDDEN", { userMessage: "errors.SUSPENDED" });
      const parsed = opts.schema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) {
        return {
          ok: false,
          error: "errors.INVALID_INPUT",
          fieldErrors: fieldErrorsOf(parsed.error),
          values: valuesOf(formData),
        };
      }
      return {
        ok: true,
        data: await fn(parsed.data, {
          ...m,
          userId: session.user.id,
          userEmail: session.user.email ?? "",
          ip: await clientIp(),
        }),
      };
    } catch (err) {
      if (isAppError(err))
        return {
          ok: false,
          error: err.userMessage,
          fieldErrors: err.fieldErrors,
          values: valuesOf(formData),
        };
      // Next's redirect/notFound are thrown values that must pass through.
      if (err && typeof err === "object" && "digest" in err) throw err;
      log.error({ err }, "server action failed");
      return { ok: false, error: "errors.INTERNAL" };
    }
  };
}

/** Zod issues as `{ field: [i18n keys or messages] }`. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Text fields of a form, except secrets, to refill the form after a failure. */
export function valuesOf(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData)
    if (typeof v === "string" && !/password|^\$ACTION/i.test(k)) out[k] = v;
  return out;
}
