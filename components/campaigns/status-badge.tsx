import type { CampaignStatus } from "@/lib/campaigns/status";

const tone: Record<CampaignStatus, string> = {
  draft: "bg-slate-100 text-slate-700",
  scheduled: "bg-blue-50 text-blue-800",
  sending: "bg-amber-50 text-amber-800",
  paused: "bg-orange-50 text-orange-800",
  sent: "bg-green-50 text-green-800",
  cancelled: "bg-red-50 text-red-800",
};

/** A campaign's status as a coloured pill; `label` is the translated status name. */
export function CampaignStatusBadge({ status, label }: { status: CampaignStatus; label: string }) {
  return (
    <span
      data-status={status}
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${tone[status]}`}
    >
      {label}
    </span>
  );
}
