import { NonRetriableError, RetryAfterError } from "inngest";
import { ZodError } from "zod";
import { getDb } from "@/db";
import { log } from "@/lib/log";
import { relayOutbox } from "@/lib/jobs/relay";
import { runTick } from "@/lib/jobs/tick";
import { inngest } from "./client";
import { PermanentJobError, RetryLaterError, type JobDefinition } from "./define";
import { parseEvent } from "./events";
import { jobs } from "./jobs";

/** One Inngest function per job definition: same handler, Inngest's retries and concurrency. */
function toInngestFunction(def: JobDefinition) {
  return inngest.createFunction(
    {
      id: def.id,
      retries: Math.min(def.retries, 20) as 0,
      ...(def.concurrency ? { concurrency: { limit: def.concurrency } } : {}),
      triggers: [{ event: def.event }],
    },
    async ({ event, step, attempt }) =>
      step.run(def.id, async () => {
        try {
          const data = parseEvent(def.event, event.data);
          return (
            (await def.handler(data as never, {
              attempt: attempt + 1,
              log: log.child({ job: def.event }),
            })) ?? null
          );
        } catch (err) {
          // An invalid payload stays invalid: fail it at once, as the local runner does.
          if (err instanceof PermanentJobError || err instanceof ZodError)
            throw new NonRetriableError(err.message, { cause: err });
          if (err instanceof RetryLaterError)
            throw new RetryAfterError(err.message, err.retryAfterMs);
          throw err;
        }
      }),
  );
}

/** The minute tick as an Inngest cron (Helsinki time): relay the outbox, then find due work. */
export const tickFunction = inngest.createFunction(
  { id: "system-tick", triggers: [{ cron: "TZ=Europe/Helsinki * * * * *" }] },
  async ({ step }) => {
    const relayed = await step.run("relay-outbox", async () => relayOutbox(await getDb()));
    const tick = await step.run("tick", async () => runTick(await getDb()));
    return { relayed, ...tick };
  },
);

export const jobFunctions = jobs.map(toInngestFunction);
/** Everything served at /api/inngest. */
export const functions = [...jobFunctions, tickFunction];
