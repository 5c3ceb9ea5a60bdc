/**
 * Wall-clock time in Europe/Helsinki (E7): what the user types and sees is Helsinki time, what
 * is stored is UTC. Plain Intl arithmetic, correct across the DST changes.
 */
export const HELSINKI = "Europe/Helsinki";

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: HELSINKI,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

export type WallTime = { year: number; month: number; day: number; hour: number; minute: number };

/** The Helsinki wall-clock reading of an instant. */
export function helsinkiWallTime(at: Date): WallTime & { second: number } {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

/** Milliseconds Helsinki is ahead of UTC at an instant (2 or 3 hours). */
function offsetMs(at: Date): number {
  const w = helsinkiWallTime(at);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant a Helsinki wall-clock time names. A time skipped by the spring DST change moves
 * forward an hour; an ambiguous autumn time takes the first (summer-time) occurrence.
 */
export function helsinkiToUtc(w: WallTime): Date {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  const first = naive - offsetMs(new Date(naive - 3 * 3600_000));
  const second = naive - offsetMs(new Date(first));
  // Different guesses only for a time the spring change skips: move it forward.
  return new Date(first === second ? first : Math.max(first, second));
}

/** Parses "yyyy-mm-dd" and "hh:mm" as Helsinki time; null when either is not a real date/time. */
export function parseHelsinkiInput(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const t = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!d || !t) return null;
  const w = {
    year: Number(d[1]),
    month: Number(d[2]),
    day: Number(d[3]),
    hour: Number(t[1]),
    minute: Number(t[2]),
  };
  const check = new Date(Date.UTC(w.year, w.month - 1, w.day));
  if (check.getUTCMonth() !== w.month - 1 || check.getUTCDate() !== w.day) return null;
  if (w.hour > 23 || w.minute > 59) return null;
  return helsinkiToUtc(w);
}

/** "yyyy-mm-dd" and "hh:mm" of an instant in Helsinki (for form defaults). */
export function formatHelsinkiInput(at: Date): { date: string; time: string } {
  const w = helsinkiWallTime(at);
  const p = (n: number) => String(n).padStart(2, "0");
  return { date: `${w.year}-${p(w.month)}-${p(w.day)}`, time: `${p(w.hour)}:${p(w.minute)}` };
}

/**
 * Quiet hours (E7): when `now` falls inside [start, end) Helsinki hours (wrapping midnight when
 * start > end, e.g. 21–08), the instant the window ends; otherwise null. Messages are held until
 * then, never dropped. No window when either hour is unset or they are equal.
 */
export function quietHoursEnd(
  now: Date,
  start: number | null | undefined,
  end: number | null | undefined,
): Date | null {
  if (start == null || end == null || start === end) return null;
  const w = helsinkiWallTime(now);
  const inside = start < end ? w.hour >= start && w.hour < end : w.hour >= start || w.hour < end;
  if (!inside) return null;
  // The end is today at `end` o'clock, or tomorrow when the window wrapped past midnight.
  const tomorrow = start > end && w.hour >= start;
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day + (tomorrow ? 1 : 0)));
  return helsinkiToUtc({
    year: day.getUTCFullYear(),
    month: day.getUTCMonth() + 1,
    day: day.getUTCDate(),
    hour: end,
    minute: 0,
  });
}

/** The schedule form's default: the stored time, else the start of the next full hour. */
export function defaultScheduleInput(scheduledAt: Date | null): { date: string; time: string } {
  const next = new Date(Math.ceil((Date.now() + 60_000) / 3600_000) * 3600_000);
  return formatHelsinkiInput(scheduledAt ?? next);
}
