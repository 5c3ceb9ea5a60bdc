import { z } from "zod";

const id = z.uuid({ error: "errors.NOT_FOUND" });
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");
/** An optional whole number typed in a form: "" is null. */
const optionalInt = (min: number, max: number, error: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const t = (v ?? "").trim();
      if (t === "") return null;
      const n = Number(t);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: error });
        return z.NEVER;
      }
      return n;
    });

/**
 * The recipients picker posts one value: "r:<registerId>" for a whole register or
 * "s:<registerId>:<segmentId>" for one of its segments.
 */
export const TargetSchema = z
  .string({ error: "campaigns.errors.targetRequired" })
  .transform((v, ctx) => {
    const r = /^r:([0-9a-f-]{36})$/i.exec(v);
    if (r) return { registerId: r[1]!, audience: "register" as const, segmentId: null };
    const s = /^s:([0-9a-f-]{36}):([0-9a-f-]{36})$/i.exec(v);
    if (s) return { registerId: s[1]!, audience: "segment" as const, segmentId: s[2]! };
    ctx.addIssue({ code: "custom", message: "campaigns.errors.targetRequired" });
    return z.NEVER;
  });

export const CreateCampaignSchema = z.object({
  name: z.string().trim().min(1, { error: "campaigns.errors.nameRequired" }).max(200),
  target: TargetSchema,
  contentKind: z.enum(["blocks", "html", "text"]).default("blocks"),
  senderId: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(id.nullable()),
  subject: z.string().max(998).default(""),
  channel: z.enum(["email", "sms"]).default("email"),
  smsSender: z.string().trim().max(20).optional(),
  textBody: z.string().max(5000).optional(),
});
export type CreateCampaignInput = z.infer<typeof CreateCampaignSchema>;

export const UpdateSettingsSchema = z
  .object({
    campaignId: id,
    name: z.string().trim().min(1, { error: "campaigns.errors.nameRequired" }).max(200),
    /** Recipients; only a draft's can change (absent = unchanged). */
    target: TargetSchema.optional(),
    subject: z.string().trim().max(998).default(""),
    /** An SMS campaign's sender name (one of the organisation's allowed senders). */
    smsSender: z.string().trim().max(20).optional(),
    preheader: z.string().trim().max(500).default(""),
    senderId: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(id.nullable()),
    fromName: z.string().trim().max(200).default(""),
    replyTo: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.email({ error: "campaigns.errors.replyToInvalid" }).nullable()),
    trackOpens: checkbox,
    trackClicks: checkbox,
    inlineImages: checkbox,
    ratePerHour: optionalInt(1, 10_000_000, "campaigns.errors.rateInvalid"),
    quietStartHour: optionalInt(0, 23, "campaigns.errors.hourInvalid"),
    quietEndHour: optionalInt(0, 23, "campaigns.errors.hourInvalid"),
  })
  .superRefine((v, ctx) => {
    if ((v.quietStartHour === null) !== (v.quietEndHour === null))
      ctx.addIssue({
        code: "custom",
        path: ["quietEndHour"],
        message: "campaigns.errors.quietBoth",
      });
    else if (v.quietStartHour !== null && v.quietStartHour === v.quietEndHour)
      ctx.addIssue({
        code: "custom",
        path: ["quietEndHour"],
        message: "campaigns.errors.quietSame",
      });
  });
export type UpdateSettingsInput = z.infer<typeof UpdateSettingsSchema>;

export const CampaignIdSchema = z.object({ campaignId: id });

/** "now" sends at once; "at" sends at the Helsinki date and time typed. */
export const ScheduleSchema = z.discriminatedUnion("when", [
  z.object({ campaignId: id, when: z.literal("now") }),
  z.object({
    campaignId: id,
    when: z.literal("at"),
    date: z.string().min(1, { error: "campaigns.errors.dateRequired" }),
    time: z.string().min(1, { error: "campaigns.errors.timeRequired" }),
  }),
]);
export type ScheduleInput = z.infer<typeof ScheduleSchema>;

export const CAMPAIGN_STATUSES = [
  "draft",
  "scheduled",
  "sending",
  "paused",
  "sent",
  "cancelled",
] as const;
