import { z } from "zod";

/**
 * Every event the app emits: name → zod payload. Both runners (Inngest and the local runner)
 * validate payloads against these schemas before a handler sees them.
 */
export const events = {
  /** One e-mail to send through the configured transport (system and test messages). */
  "email/message.requested": z.object({
    orgId: z.uuid().nullable(),
    messageKey: z.string().min(1).max(200),
    from: z.string().min(3).optional(),
    to: z.string().min(3).max(320),
    subject: z.string().min(1).max(998),
    html: z.string().optional(),
    text: z.string(),
    headers: z.record(z.string(), z.string()).optional(),
  }),
  /** One SMS to send through the configured gateway. */
  "sms/message.requested": z.object({
    orgId: z.uuid().nullable(),
    messageKey: z.string().min(1).max(200),
    from: z.string().min(1).max(16),
    to: z.string().min(3).max(20),
    text: z.string().min(1),
  }),
  /** Write an export of a register or segment to a file (R4). */
  "register/export.requested": z.object({
    orgId: z.uuid(),
    exportId: z.uuid(),
    /** Set when a segment was exported: if it is gone by then, the export fails (never widens). */
    segmentId: z.uuid().nullable().optional(),
    locale: z.enum(["fi", "en"]),
  }),
  /**
   * After an erasure (R11): delete the organisation's kept import and export files, made up to
   * `before`, that mention the person. Only the addresses' SHA-256 hashes travel, never the address.
   */
  "person/files.erase": z.object({
    orgId: z.uuid(),
    hashes: z
      .array(z.string().regex(/^[0-9a-f]{64}$/))
      .min(1)
      .max(50),
    before: z.iso.datetime(),
    actorId: z.uuid().nullable(),
    actorEmail: z.string().max(320).nullable(),
  }),
  /** Deletes the contacts of a bulk deletion (R2), batch by batch. */
  "register/contacts.delete": z.object({ orgId: z.uuid(), deletionId: z.uuid() }),
  /** Runs a queued import of a file into a register (R3). */
  "register/import.requested": z.object({ orgId: z.uuid(), importId: z.uuid() }),
  /**
   * Send (or continue sending) an e-mail campaign (E8). Emitted when a send is due, by the tick
   * for due and stalled campaigns, on resume, and by the handler itself to continue after its
   * time budget, quiet hours or rate limit. Duplicates are harmless: deliveries are claimed.
   */
  "campaign/send.requested": z.object({ orgId: z.uuid(), campaignId: z.uuid() }),
  /** A job that does nothing: used to check the runner and by the jobs benchmark. */
  "system/ping": z.object({ n: z.number().int().optional() }),
} as const;

export type EventName = keyof typeof events;
export type EventData<N extends EventName> = z.infer<(typeof events)[N]>;

/** Validates a payload for an event, throwing a ZodError naming the bad field. */
export function parseEvent<N extends EventName>(name: N, data: unknown): EventData<N> {
  return events[name].parse(data) as EventData<N>;
}

export const isEventName = (name: string): name is EventName => Object.hasOwn(events, name);
