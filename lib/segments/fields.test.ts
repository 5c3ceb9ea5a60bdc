import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { compileFilter } from "./compile";
import { describeFields, registerFieldSource, type FieldKind } from "./fields";
import { helsinkiDaysAgo } from "./kinds";

const columns = [
  { key: "city", label: "Kaupunki", type: "single_choice" as const, options: ["Helsinki"] },
  { key: "fee", label: "Maksu", type: "number" as const, options: [] },
];
const render = (s: ReturnType<typeof compileFilter>) =>
  new PgDialect({ casing: "snake_case" }).sqlToQuery(s);

describe("segment fields", () => {
  it("counts days in Helsinki time, also across midnight UTC and the DST change", () => {
    // 00:30 in Helsinki on 29 March 2026 is still 28 March in UTC.
    const now = new Date("2026-03-28T22:30:00Z");
    expect(helsinkiDaysAgo(0, now)).toBe("2026-03-29");
    expect(helsinkiDaysAgo(1, now)).toBe("2026-03-28");
    expect(helsinkiDaysAgo(365, now)).toBe("2025-03-29");
  });

  it("describes built-ins and columns with the operators of their kind", () => {
    const d = describeFields(columns);
    expect(d.map((f) => f.field)).toEqual([
      "email",
      "phone",
      "firstName",
      "lastName",
      "createdAt",
      "emailStatus",
      "smsStatus",
      "city",
      "fee",
      // Registered by lib/tracking/segment-fields.ts (campaign engagement).
      "campaign",
    ]);
    expect(d.find((f) => f.field === "fee")!.operators.map((o) => o.id)).toEqual([
      "eq",
      "gt",
      "lt",
      "between",
      "empty",
      "not_empty",
    ]);
    expect(d.find((f) => f.field === "city")!.options).toEqual(["Helsinki"]);
  });

  it("binds every value as a parameter and always scopes to the organisation and register", () => {
    const q = render(
      compileFilter(
        {
          type: "group",
          op: "or",
          children: [
            { type: "cond", field: "city", operator: "equals", value: "x' or 1=1 --" },
            { type: "cond", field: "email", operator: "contains", value: "50%_off" },
          ],
        },
        { orgId: "o", registerId: "r", columns },
      ),
    );
    expect(q.sql).not.toContain("1=1");
    expect(q.sql).not.toContain("off");
    expect(q.params).toEqual(expect.arrayContaining(["o", "r", "x' or 1=1 --", "%50\\%\\_off%"]));
    expect(q.sql).toMatch(/^\("contacts"\."org_id" = \$1 and "contacts"\."register_id" = \$2 and/);
  });

  it("lets a later issue add a field kind without touching the compiler", () => {
    const engagement: FieldKind<{ campaignId: string }> = {
      id: "engagement",
      operators: {
        opened: {
          value: "none",
          build: (t) => sql`exists (select 1 from opens where campaign_id = ${t.campaignId})`,
        },
      },
    };
    registerFieldSource({
      list: () => [],
      resolve: (field) => {
        const m = /^campaign:(.+)$/.exec(field);
        return m
          ? {
              field,
              label: "campaign",
              builtIn: false,
              kind: engagement as FieldKind<never>,
              target: { campaignId: m[1] },
            }
          : undefined;
      },
    });
    const q = render(
      compileFilter(
        {
          type: "group",
          op: "and",
          children: [{ type: "cond", field: "campaign:c1", operator: "opened" }],
        },
        { orgId: "o", registerId: "r", columns },
      ),
    );
    expect(q.sql).toContain("exists (select 1 from opens where campaign_id = $3)");
    expect(q.params).toEqual(["o", "r", "c1"]);
  });
});
