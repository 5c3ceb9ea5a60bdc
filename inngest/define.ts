import type { Logger } from "pino";
import type { EventData, EventName } from "./events";

export type JobContext = { attempt: number; log: Logger };

/** A background job: one event, one handler calling `lib/`. Run by Inngest or the local runner. */
export type JobDefinition<N extends EventName = EventName> = {
  id: string;
  event: N;
  /** Retries after the first attempt (Inngest semantics); the local runner uses retries + 1 attempts. */
  retries: number;
  /** At most this many runs at once per runner (Inngest `concurrency`). */
  concurrency?: number;
  handler: (data: EventData<N>, ctx: JobContext) => Promise<unknown>;
};

export function defineJob<N extends EventName>(def: JobDefinition<N>): JobDefinition<N> {
  return def;
}

/** Thrown by a handler for a failure that retrying cannot fix (bad address, rejected content). */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

/** Thrown by a handler for a transient failure with a known earliest retry time (HTTP 429). */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
    this.name = "RetryLaterError";
  }
}
