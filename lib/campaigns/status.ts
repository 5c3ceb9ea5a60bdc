import { AppError } from "@/lib/errors";

/**
 * The campaign status machine (E7, E8), in one place. Users schedule, pause, resume and cancel;
 * the send handler starts and finishes. Every other move is refused with a message naming the
 * current status, so a stale page cannot, say, resume a cancelled campaign.
 *
 *   draft ──schedule──▶ scheduled ──start──▶ sending ──finish──▶ sent
 *     ▲                  │  ▲ │ reschedule      │ ▲
 *     └──unschedule──────┘  │ └──pause──▶ paused ◀┘ │ (pause / resume)
 *                           └──resume (not started)─┘
 *   scheduled | sending | paused ──cancel──▶ cancelled
 */
export type CampaignStatus = "draft" | "scheduled" | "sending" | "paused" | "sent" | "cancelled";

export type CampaignTransition =
  "schedule" | "unschedule" | "start" | "pause" | "resume" | "cancel" | "finish" | "delete";

const FROM: Record<CampaignTransition, readonly CampaignStatus[]> = {
  schedule: ["draft", "scheduled"],
  unschedule: ["scheduled"],
  start: ["scheduled"],
  pause: ["scheduled", "sending"],
  resume: ["paused"],
  cancel: ["scheduled", "sending", "paused"],
  finish: ["sending"],
  delete: ["draft"],
};

/** Whether `transition` is allowed from `status`. */
export function canTransition(status: CampaignStatus, transition: CampaignTransition): boolean {
  return FROM[transition].includes(status);
}

/** The statuses `transition` may start from (for conditional UPDATEs). */
export function statusesFor(transition: CampaignTransition): CampaignStatus[] {
  return [...FROM[transition]];
}

/** Throws CONFLICT "campaigns.errors.illegal.<transition>|status=<status>" unless allowed. */
export function assertTransition(status: CampaignStatus, transition: CampaignTransition): void {
  if (!canTransition(status, transition))
    throw new AppError("CONFLICT", {
      userMessage: `campaigns.errors.illegal.${transition}|status=${status}`,
    });
}

/** Settings and audience can change only before anything was sent. */
export const isEditable = (status: CampaignStatus) => status === "draft" || status === "scheduled";
