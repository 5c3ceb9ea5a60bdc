import { timeZone } from "@/lib/i18n/config";

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes Helsinki is ahead of UTC at the instant `at` (120 in winter, 180 in summer). */
function helsinkiOffsetMinutes(at: Date): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  if (!m) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** True for a real calendar date written as YYYY-MM-DD. */
export function isYmd(value: string): boolean {
  const m = YMD.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/**
 * The instant a Helsinki calendar day (YYYY-MM-DD) begins. Finnish clocks change at 03:00/04:00,
 * never at midnight, so the offset at midnight UTC of that date is the offset at local midnight.
 */
export function helsinkiDayStart(ymd: string): Date {
  const m = YMD.exec(ymd);
  if (!m || !isYmd(ymd)) throw new RangeError(`not a date: ${ymd}`);
  const utcMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(utcMidnight - helsinkiOffsetMinutes(new Date(utcMidnight)) * 60_000);
}

/** The instant the Helsinki day after `ymd` begins (the exclusive end of a "to" date). */
export function helsinkiDayEnd(ymd: string): Date {
  const start = helsinkiDayStart(ymd);
  const next = new Date(start.getTime() + 36 * 3600_000);
  const y = next.toLocaleDateString("sv-SE", { timeZone });
  return helsinkiDayStart(y);
}

/** "2026-03-29 14:05:09" in Helsinki time (for exports, sortable and unambiguous). */
export function formatHelsinki(at: Date): string {
  return at.toLocaleString("sv-SE", { timeZone, hour12: false }).replace("T", " ");
}
