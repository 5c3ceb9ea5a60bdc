import { describe, expect, it } from "vitest";
import { formatHelsinki, helsinkiDayEnd, helsinkiDayStart, isYmd } from "./dates";

describe("Helsinki dates", () => {
  it("a winter day starts at 22:00 UTC the day before, a summer day at 21:00", () => {
    expect(helsinkiDayStart("2026-01-15").toISOString()).toBe("2026-01-14T22:00:00.000Z");
    expect(helsinkiDayStart("2026-07-01").toISOString()).toBe("2026-06-30T21:00:00.000Z");
  });

  it("the end of the day the clocks change is the start of the next day", () => {
    expect(helsinkiDayEnd("2026-03-29").toISOString()).toBe("2026-03-29T21:00:00.000Z");
    expect(helsinkiDayEnd("2026-10-25").toISOString()).toBe("2026-10-25T22:00:00.000Z");
    expect(helsinkiDayEnd("2026-12-31").toISOString()).toBe("2026-12-31T22:00:00.000Z");
  });

  it("accepts only real dates", () => {
    expect(isYmd("2026-02-28")).toBe(true);
    expect(isYmd("2026-02-30")).toBe(false);
    expect(isYmd("28.2.2026")).toBe(false);
    expect(() => helsinkiDayStart("x")).toThrow();
  });

  it("formats instants in Helsinki time", () => {
    expect(formatHelsinki(new Date("2026-07-01T09:30:05Z"))).toBe("2026-07-01 12:30:05");
  });
});
