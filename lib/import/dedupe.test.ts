import { describe, expect, it } from "vitest";
import { createDeduper, duplicateReason } from "./dedupe";

describe("createDeduper", () => {
  it("with normalized values compares e-mail case-insensitively and phones as given", () => {
    const d = createDeduper({ on: ["email", "phone"], normalized: true });
    expect(d.check({ rowNumber: 2, email: "Matti@Example.fi", phone: "+358401234567" })).toBeNull();
    expect(d.check({ rowNumber: 3, email: "matti@example.fi" })).toEqual({
      duplicateOfRow: 2,
      field: "email",
    });
    expect(d.check({ rowNumber: 4, phone: "+358401234567" })).toEqual({
      duplicateOfRow: 2,
      field: "phone",
    });
  });

  it("finds e-mail duplicates case-insensitively and names the first row", () => {
    const d = createDeduper({ on: ["email"] });
    expect(d.check({ rowNumber: 2, email: "Matti.Meikalainen@Example.fi" })).toBeNull();
    expect(d.check({ rowNumber: 3, email: "liisa@example.fi" })).toBeNull();
    expect(d.check({ rowNumber: 4, email: " matti.meikalainen@example.FI " })).toEqual({
      duplicateOfRow: 2,
      field: "email",
    });
  });

  it("finds the same Finnish number written in different ways", () => {
    const d = createDeduper({ on: ["phone"] });
    expect(d.check({ rowNumber: 2, phone: "040 123 4567" })).toBeNull();
    for (const [i, phone] of [
      "+358 40 123 4567",
      "00358401234567",
      "040-1234567",
      "358401234567",
    ].entries()) {
      expect(d.check({ rowNumber: 3 + i, phone })).toEqual({ duplicateOfRow: 2, field: "phone" });
    }
    expect(d.check({ rowNumber: 9, phone: "040 123 4568" })).toBeNull();
  });

  it("with both fields, a match on either is a duplicate", () => {
    const d = createDeduper({ on: ["email", "phone"] });
    expect(d.check({ rowNumber: 2, email: "a@x.fi", phone: "0401234567" })).toBeNull();
    expect(d.check({ rowNumber: 3, email: "b@x.fi", phone: "+358401234567" })).toEqual({
      duplicateOfRow: 2,
      field: "phone",
    });
    // Row 3 was a duplicate, so its e-mail was not remembered.
    expect(d.check({ rowNumber: 4, email: "B@x.fi" })).toBeNull();
    expect(d.size).toBe(3);
  });

  it("ignores fields it does not dedupe on, empty values and invalid phones", () => {
    const d = createDeduper({ on: ["email"] });
    expect(d.check({ rowNumber: 2, email: "", phone: "0401234567" })).toBeNull();
    expect(d.check({ rowNumber: 3, email: null, phone: "0401234567" })).toBeNull();
    const p = createDeduper({ on: ["phone"] });
    expect(p.check({ rowNumber: 2, phone: "abc" })).toBeNull();
    expect(p.check({ rowNumber: 3, phone: "abc" })).toBeNull();
  });

  it("gives a report reason naming the earlier row", () => {
    expect(duplicateReason({ duplicateOfRow: 7, field: "phone" })).toEqual({
      key: "import.reasons.DUPLICATE_PHONE_IN_FILE",
      params: { row: 7 },
    });
  });
});
