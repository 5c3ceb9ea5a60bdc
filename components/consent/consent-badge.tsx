import { getTranslations } from "next-intl/server";
import type { ConsentStatus } from "@/lib/consent/rules";

const BADGE: Record<ConsentStatus, string> = {
  none: "bg-slate-100 text-slate-700",
  pending: "bg-amber-100 text-amber-900",
  subscribed: "bg-green-100 text-green-800",
  unsubscribed: "bg-red-100 text-red-800",
};

/** A channel's current consent status as a coloured badge with its text. */
export async function ConsentBadge({
  channel,
  status,
  short,
}: {
  channel: "email" | "sms";
  status: ConsentStatus;
  /** Only the status text (where the channel is clear from the column). */
  short?: boolean;
}) {
  const t = await getTranslations("consent");
  return (
    <span
      className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ${BADGE[status]}`}
      data-testid={short ? undefined : `consent-${channel}`}
    >
      {short
        ? t(`status.${status}`)
        : t("statusLabel", { channel: t(`channel.${channel}`), status: t(`status.${status}`) })}
    </span>
  );
}
