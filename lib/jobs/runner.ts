import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import type { Db } from "@/db";
import { log as rootLog } from "@/lib/log";
import { PermanentJobError, RetryLaterError, type JobDefinition } from "@/inngest/define";
import { isEventName, parseEvent } from "@/inngest/events";
import { jobsByEvent } from "@/inngest/jobs";
import {
  claimJobs,
  completeJobs,
  extendClaims,
  failJob,
  type ClaimedJob,
  type Fence,
} from "./queue-sql";
import { onJobsEnqueued } from "./wake";

export type RunnerOptions = {
  db: Db;
  workerId?: string;
  /** Handlers run at once. */
  concurrency?: number;
  /** Jobs claimed per query. */
  batchSize?: number;
  pollMs?: number;
  claimSeconds?: number;
  /** Delay before attempt n+1 after attempt n failed. */
  backoffMs?: (attempt: number) => number;
  registry?: Map<string, JobDefinition>;
};

/** Exponential backoff with jitter: ~1 s, 2 s, 4 s … capped at 10 minutes. */
export const defaultBackoffMs = (attempt: number) =>
  Math.min(600_000, 1000 * 2 ** Math.max(0, attempt - 1)) * (0.8 + Math.random() * 0.4);

/**
 * The local runner: executes job handlers in-process from the `jobs` table. Safe to run in
 * several processes at once (SKIP LOCKED claims, fenced completion, expiring claims).
 */
export class LocalRunner {
  readonly workerId: string;
  private readonly db: Db;
  private readonly concurrency: number;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly claimSeconds: number;
  private readonly backoffMs: (attempt: number) => number;
  private readonly registry: Map<string, JobDefinition>;
  private running = false;
  private crashed = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private unsubscribe?: () => void;
  private readonly log;
  /**
   * Jobs of a full batch that finished but are not yet marked done: the next claim marks them
   * in the same statement (one round trip less per batch). Flushed at once when a batch was not
   * full (the queue is draining), and by stop() and drain().
   */
  private pendingDone: Fence[] = [];

  constructor(opts: RunnerOptions) {
    this.db = opts.db;
    this.workerId = opts.workerId ?? `runner-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.concurrency = opts.concurrency ?? 4;
    this.batchSize = opts.batchSize ?? Math.max(this.concurrency * 4, 16);
    this.pollMs = opts.pollMs ?? 250;
    this.claimSeconds = opts.claimSeconds ?? 120;
    this.backoffMs = opts.backoffMs ?? defaultBackoffMs;
    this.registry = opts.registry ?? (jobsByEvent as Map<string, JobDefinition>);
    this.log = rootLog.child({ worker: this.workerId });
  }

  /** Starts polling (and waking on local enqueues) until `stop()`. */
  start() {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = onJobsEnqueued(() => this.wakeUp?.());
    this.loop = (async () => {
      while (this.running) {
        let n = 0;
        try {
          n = await this.runOnce({ deferDone: true });
        } catch (err) {
          this.log.error({ err }, "job claim failed");
        }
        if (n === 0 && this.running) {
          await new Promise<void>((resolve) => {
            const t = setTimeout(resolve, this.pollMs);
            this.wakeUp = () => {
              clearTimeout(t);
              resolve();
            };
          });
          this.wakeUp = undefined;
        }
      }
    })();
  }

  /** Stops claiming and waits for the handlers in flight to finish and be recorded. */
  async stop() {
    this.running = false;
    this.unsubscribe?.();
    this.wakeUp?.();
    await this.loop;
    await this.flushDone();
  }

  private async flushDone() {
    if (this.crashed || this.pendingDone.length === 0) return;
    const done = this.pendingDone;
    this.pendingDone = [];
    await completeJobs(this.db, done);
  }

  /**
   * Simulates a crash: stops at once and records nothing more, leaving claimed jobs as a killed
   * process would (running, with a claim that will expire).
   */
  crash() {
    this.crashed = true;
    this.running = false;
    this.unsubscribe?.();
    this.wakeUp?.();
  }

  /** Runs batches until nothing is due (tests and the benchmark). Returns jobs processed. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.runOnce({ deferDone: true });
      if (n === 0) {
        await this.flushDone();
        return total;
      }
      total += n;
    }
  }

  /**
   * Claims one batch and runs it with bounded concurrency. Returns the number claimed. With
   * `deferDone` (the loop and drain) a full batch's completions ride on the next claim.
   */
  async runOnce(opts: { deferDone?: boolean } = {}): Promise<number> {
    if (this.crashed) return 0;
    const previous = this.pendingDone;
    this.pendingDone = [];
    let claimed: ClaimedJob[];
    try {
      claimed = await claimJobs(
        this.db,
        this.workerId,
        this.batchSize,
        this.claimSeconds,
        previous,
      );
    } catch (err) {
      // Nothing of the statement happened: the finished jobs still wait to be marked done.
      this.pendingDone = previous.concat(this.pendingDone);
      throw err;
    }
    if (claimed.length === 0) return 0;
    const inFlight = new Map<number, Fence>(
      claimed.map((j) => [j.id, { id: j.id, attempts: j.attempts }]),
    );
    const heartbeat = setInterval(
      () => {
        if (!this.crashed)
          void extendClaims(this.db, [...inFlight.values()], this.claimSeconds).catch(() => {});
      },
      Math.max(1000, (this.claimSeconds * 1000) / 3),
    );
    const done: Fence[] = [];
    try {
      let next = 0;
      const worker = async () => {
        while (next < claimed.length && !this.crashed) {
          const job = claimed[next++]!;
          const ok = await this.execute(job);
          if (ok) done.push({ id: job.id, attempts: job.attempts });
          inFlight.delete(job.id);
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.concurrency, claimed.length) }, worker));
      if (this.crashed) return claimed.length;
      // A full batch means more is probably queued: the next claim records these. Otherwise
      // record them now, so finished jobs never wait for a poll.
      if (opts.deferDone && claimed.length === this.batchSize) this.pendingDone = done;
      else await completeJobs(this.db, done);
    } finally {
      clearInterval(heartbeat);
    }
    return claimed.length;
  }

  /** Runs one job; records a failure itself and returns whether it succeeded. */
  private async execute(job: ClaimedJob): Promise<boolean> {
    const fence = { id: job.id, attempts: job.attempts };
    // The child logger is made on demand: building one per job is measurable at 100k jobs.
    const jlog = () => this.log.child({ jobId: job.id, job: job.name, attempt: job.attempts });
    const def = this.registry.get(job.name);
    if (job.attempts > job.maxAttempts) {
      await failJob(this.db, fence, "claim expired after the final attempt (worker died)", true, 0);
      return false;
    }
    try {
      if (!def || !isEventName(job.name))
        throw new PermanentJobError(`no handler for event ${job.name}`);
      const data = parseEvent(job.name, job.payload);
      await def.handler(data as never, {
        attempt: job.attempts,
        get log() {
          return jlog();
        },
      });
      return true;
    } catch (err) {
      if (this.crashed) return false;
      const permanent = err instanceof PermanentJobError || err instanceof ZodError;
      const final = permanent || job.attempts >= job.maxAttempts;
      const delay =
        err instanceof RetryLaterError
          ? Math.max(err.retryAfterMs, this.backoffMs(job.attempts))
          : this.backoffMs(job.attempts);
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      jlog()[final ? "error" : "warn"]({ err: message, final }, "job failed");
      await failJob(this.db, fence, message, final, final ? 0 : delay);
      return false;
    }
  }
}
