import { describe, expect, it } from "vitest";
import { createUuid7 } from "./uuid7";

describe("createUuid7", () => {
  it("makes version 7, variant 10 UUIDs that increase strictly, also within one millisecond", () => {
    let t = 1_764_000_000_000;
    const next = createUuid7(() => t);
    const ids: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      if (i % 3_000 === 0) t++;
      ids.push(next());
    }
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // The first 48 bits are the milliseconds.
    expect(parseInt(ids[0]!.replace(/-/g, "").slice(0, 12), 16)).toBe(1_764_000_000_001);
  });

  it("keeps increasing when the clock goes back", () => {
    let t = 2_000;
    const next = createUuid7(() => t);
    const a = next();
    t = 1_000;
    const b = next();
    expect(b > a).toBe(true);
  });
});
