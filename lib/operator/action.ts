import { z } from "zod";
import { getDb } from "@/db";
import { fieldErrorsOf, valuesOf, type ActionResult } from "@/lib/action";
import { auth } from "@/lib/auth/auth";
import { AppError, isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { clientIp } from "@/lib/security/request";
import { assertOperator } from "./guard";
import type { OperatorActor } from "./service";

/**
 * Builds a platform-operator server action: (1) session, (2) the operator flag read from the
 * database on every call (NOT_FOUND otherwise), (3) zod parse, (4) the domain function,
 * (5) errors as data. The domain functions check the flag again.
 */
export function operatorAction<S extends z.ZodType, T>(
  opts: { schema: S },
  fn: (input: z.infer<S>, actor: OperatorActor) => Promise<T>,
) {
  return async (_prev: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    try {
      const session = await auth();
      if (!session?.user?.id) throw new AppError("UNAUTHORIZED");
      await assertOperator(await getDb(), session.user.id);
      const parsed = opts.schema.safeParse(Object.fromEntries(formData));
      if (!parsed.success)
        return {
          ok: false,
          error: "errors.INVALID_INPUT",
          fieldErrors: fieldErrorsOf(parsed.error),
          values: valuesOf(formData),
        };
      const actor = {
        operatorId: session.user.id,
        operatorEmail: session.user.email ?? "",
        ip: await clientIp(),
      };
      return { ok: true, data: await fn(parsed.data, actor) };
    } catch (err) {
      if (isAppError(err))
        return {
          ok: false,
          error: err.userMessage,
          fieldErrors: err.fieldErrors,
          values: valuesOf(formData),
        };
      if (err && typeof err === "object" && "digest" in err) throw err;
      log.error({ err }, "operator action failed");
      return { ok: false, error: "errors.INTERNAL" };
    }
  };
}
