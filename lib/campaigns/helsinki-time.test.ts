import { describe, expect, it } from "vitest";
import {
  formatHelsinkiInput,
  helsinkiToUtc,
  parseHelsinkiInput,
  quietHoursEnd,
} from "./helsinki-time";

describe("Helsinki wall time", () => {
  it("stores winter and summer times as the right UTC instant", () => {
    expect(parseHelsinkiInput("2026-12-01", "09:30")?.toISOString()).toBe(
      "2026-12-01T07:30:00.000Z",
    );
    expect(parseHelsinkiInput("2026-06-15", "09:30")?.toISOString()).toBe(
      "2026-06-15T06:30:00.000Z",
    );
    expect(formatHelsinkiInput(new Date("2026-06-15T06:30:00Z"))).toEqual({
      date: "2026-06-15",
      time: "09:30",
    });
  });

  it("moves a time skipped by the spring change forward and takes the first autumn occurrence", () => {
    // 29 March 2026: 03:00 EET jumps to 04:00 EEST.
    expect(
      helsinkiToUtc({ year: 2026, month: 3, day: 29, hour: 3, minute: 30 }).toISOString(),
    ).toBe("2026-03-29T01:30:00.000Z");
    // 25 October 2026: 04:00 EEST falls back to 03:00 EET; 03:30 happens twice.
    expect(
      helsinkiToUtc({ year: 2026, month: 10, day: 25, hour: 3, minute: 30 }).toISOString(),
    ).toBe("2026-10-25T00:30:00.000Z");
  });

  it("refuses dates and times that do not exist", () => {
    expect(parseHelsinkiInput("2026-02-30", "10:00")).toBeNull();
    expect(parseHelsinkiInput("2026-02-10", "24:00")).toBeNull();
    expect(parseHelsinkiInput("huomenna", "10:00")).toBeNull();
  });
});

describe("quietHoursEnd", () => {
  const at = (iso: string) => new Date(iso);
  it("holds messages inside a window that wraps midnight until its end", () => {
    // 22:15 Helsinki (winter, UTC+2) is inside 21–08: held until 08:00 next morning.
    expect(quietHoursEnd(at("2026-12-01T20:15:00Z"), 21, 8)?.toISOString()).toBe(
      "2026-12-02T06:00:00.000Z",
    );
    // 05:00 Helsinki: held until 08:00 the same day.
    expect(quietHoursEnd(at("2026-12-02T03:00:00Z"), 21, 8)?.toISOString()).toBe(
      "2026-12-02T06:00:00.000Z",
    );
    // 12:00 Helsinki: not quiet.
    expect(quietHoursEnd(at("2026-12-02T10:00:00Z"), 21, 8)).toBeNull();
  });

  it("handles a same-day window and no window", () => {
    expect(quietHoursEnd(at("2026-06-15T10:00:00Z"), 12, 14)?.toISOString()).toBe(
      "2026-06-15T11:00:00.000Z",
    );
    expect(quietHoursEnd(at("2026-06-15T10:00:00Z"), null, 8)).toBeNull();
    expect(quietHoursEnd(at("2026-06-15T10:00:00Z"), 8, 8)).toBeNull();
  });
});
