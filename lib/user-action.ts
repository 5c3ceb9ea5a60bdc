import { z } from "zod";
import { auth } from "@/lib/auth/auth";
import { AppError, isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { clientIp } from "@/lib/security/request";
import { fieldErrorsOf, valuesOf, type ActionResult } from "./action";

export type PublicActionContext = { ip: string };
export type UserActionContext = PublicActionContext & { userId: string; userEmail: string };

/** Runs one action with the same steps as `orgAction`: context (session) first, then parse, then body. */
async function run<S extends z.ZodType, C, T>(
  schema: S,
  formData: FormData,
  context: () => Promise<C>,
  body: (input: z.infer<S>, ctx: C) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const ctx = await context();
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success)
      return {
        ok: false,
        error: "errors.INVALID_INPUT",
        fieldErrors: fieldErrorsOf(parsed.error),
        values: valuesOf(formData),
      };
    return { ok: true, data: await body(parsed.data, ctx) };
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
    return { ok: false, error: "errors.INTERNAL", values: valuesOf(formData) };
  }
}

/**
 * Builds a server action for the signed-in user's own account (no organisation): reads the
 * session on every call, parses the input, calls the domain function, turns errors into data.
 */
export function userAction<S extends z.ZodType, T>(
  opts: { schema: S },
  fn: (input: z.infer<S>, ctx: UserActionContext) => Promise<T>,
) {
  return async (_prev: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> =>
    run(
      opts.schema,
      formData,
      async (): Promise<UserActionContext> => {
        const session = await auth();
        if (!session?.user?.id) throw new AppError("UNAUTHORIZED");
        return {
          userId: session.user.id,
          userEmail: session.user.email ?? "",
          ip: await clientIp(),
        };
      },
      fn,
    );
}

/**
 * Builds a server action anyone may call (sign-up, reset): parses the input and turns errors
 * into data. The domain function must rate-limit by the IP in ctx.
 */
export function publicAction<S extends z.ZodType, T>(
  opts: { schema: S },
  fn: (input: z.infer<S>, ctx: PublicActionContext) => Promise<T>,
) {
  return async (_prev: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> =>
    run(
      opts.schema,
      formData,
      async (): Promise<PublicActionContext> => ({ ip: await clientIp() }),
      fn,
    );
}
