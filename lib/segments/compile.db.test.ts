import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db";
import { contactFacets, contacts } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { listContacts } from "@/lib/contacts/list";
import { AppError } from "@/lib/errors";
import { addColumn, removeColumn } from "@/lib/registers/columns";
import { createRegister, deleteRegister, listColumns } from "@/lib/registers/registers";
import { compileFacetFilter, compileFilter } from "./compile";
import type { FilterGroup, FilterNode } from "./schemas";
import {
  countFilter,
  countWhere,
  compileForRegister,
  createSegment,
  deleteSegment,
  getSegmentOrThrow,
  listSegments,
  segmentColumns,
  updateSegment,
} from "./segments";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

const CITIES = ["Helsinki", "Espoo", "Tampere"];
const NOTES = ["O'Brien", "100%", "a_b", "'; drop table contacts; --", "abc", "ABC def"];
const STATUSES = ["none", "pending", "subscribed", "unsubscribed"] as const;

type Seed = {
  i: number;
  email: string | null;
  phone: string | null;
  firstName: string;
  city?: string;
  interests?: string[];
  fee?: unknown;
  joined?: string;
  member?: boolean;
  note?: string;
  createdAt: Date;
  emailStatus: (typeof STATUSES)[number];
};

const dayOffset = (today: string, days: number) => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

/** 50 contacts whose values follow simple rules, so each expectation is computed from them. */
function seeds(today: string): Seed[] {
  return Array.from({ length: 50 }, (_, i) => {
    const interests = [["golf"], ["tennis"], ["golf", "tennis"], []][i % 4]!.slice();
    if (i % 5 === 0) interests.push("uinti");
    return {
      i,
      email: i % 10 === 9 ? null : `p${i}@example.fi`,
      phone: i % 3 === 0 ? `+35840${String(1000000 + i)}` : null,
      firstName: ["Maija", "Matti", "Liisa", "Pekka"][i % 4]!,
      city: i % 7 === 0 ? undefined : CITIES[i % 3],
      interests: i % 11 === 0 ? undefined : interests,
      // A malformed stored number and date must not break any query.
      fee: i === 13 ? "abc" : i % 6 === 0 ? undefined : i * 1.5,
      joined: i === 17 ? "31.2.2020" : i % 8 === 0 ? undefined : dayOffset(today, i * 10),
      member: i % 2 === 0 ? true : i % 3 === 0 ? false : undefined,
      note: i < NOTES.length ? NOTES[i] : i % 5 === 1 ? "tavallinen" : undefined,
      createdAt: new Date(Date.now() - i * 86400_000 - 3600_000),
      emailStatus: STATUSES[i % 4]!,
    };
  });
}

async function setup() {
  const org = await createOrg(h.db);
  const main = await createUser(h.db, { orgId: org.id, role: "main" });
  const actor = { userId: main.id, userEmail: main.email };
  const reg = await createRegister(h.db, org.id, actor, {
    name: "Asiakkaat",
    columns: [
      { label: "City", type: "single_choice", options: CITIES },
      { label: "Interests", type: "multi_choice", options: ["golf", "tennis", "uinti"] },
      { label: "Fee", type: "number" },
      { label: "Joined", type: "date" },
      { label: "Member", type: "boolean" },
      { label: "Note", type: "text" },
    ],
  });
  const [{ today }] = (await queryRows<{ today: string }>(
    h.db,
    sql`select to_char(now() at time zone 'Europe/Helsinki', 'YYYY-MM-DD') as today`,
  )) as [{ today: string }];
  const rows = seeds(today);
  await h.db.insert(contacts).values(
    rows.map((r) => {
      const data: Record<string, unknown> = {};
      if (r.city !== undefined) data.city = r.city;
      if (r.interests !== undefined) data.interests = r.interests;
      if (r.fee !== undefined) data.fee = r.fee;
      if (r.joined !== undefined) data.joined = r.joined;
      if (r.member !== undefined) data.member = r.member;
      if (r.note !== undefined) data.note = r.note;
      return {
        orgId: org.id,
        registerId: reg.id,
        email: r.email,
        phone: r.phone,
        firstName: r.firstName,
        data,
        createdAt: r.createdAt,
        emailStatus: r.emailStatus,
      };
    }),
  );
  return { org, actor, reg, rows, today };
}

const cond = (field: string, operator: string, value?: unknown): FilterNode => ({
  type: "cond",
  field,
  operator,
  value,
});
const and = (...children: FilterNode[]): FilterGroup => ({ type: "group", op: "and", children });
const or = (...children: FilterNode[]): FilterGroup => ({ type: "group", op: "or", children });

const num = (v: unknown) => (typeof v === "number" ? v : undefined);
const date = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
const helsinkiDay = (d: Date) => d.toLocaleDateString("sv-SE", { timeZone: "Europe/Helsinki" });

describe("segment compiler", () => {
  let s: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    s = await setup();
  });

  it("counts every operator of every field kind as computed from the seeded values", async () => {
    const t = s.today;
    const d200 = dayOffset(t, 200);
    const cases: [string, FilterGroup, (r: Seed) => boolean][] = [
      ["email equals (any case)", and(cond("email", "equals", "P4@EXAMPLE.fi")), (r) => r.i === 4],
      ["email not_equals", and(cond("email", "not_equals", "p4@example.fi")), (r) => r.i !== 4],
      ["email contains", and(cond("email", "contains", "p1")), (r) => !!r.email?.includes("p1")],
      [
        "email starts_with",
        and(cond("email", "starts_with", "p2")),
        (r) => !!r.email?.startsWith("p2"),
      ],
      [
        "email in",
        and(cond("email", "in", ["p1@example.fi", "p2@example.fi", "x@y.fi"])),
        (r) => r.i === 1 || r.i === 2,
      ],
      ["email empty", and(cond("email", "empty")), (r) => r.email === null],
      ["email not_empty", and(cond("email", "not_empty")), (r) => r.email !== null],
      [
        "phone equals Finnish format",
        and(cond("phone", "equals", "040 100 0003")),
        (r) => r.i === 3,
      ],
      [
        "firstName in",
        and(cond("firstName", "in", "maija, pekka")),
        (r) => r.i % 4 === 0 || r.i % 4 === 3,
      ],
      ["city equals", and(cond("city", "equals", "helsinki")), (r) => r.city === "Helsinki"],
      [
        "city in",
        and(cond("city", "in", ["Espoo", "Tampere"])),
        (r) => r.city === "Espoo" || r.city === "Tampere",
      ],
      ["city empty", and(cond("city", "empty")), (r) => r.city === undefined],
      ["city not_empty", and(cond("city", "not_empty")), (r) => r.city !== undefined],
      [
        "interests contains_any",
        and(cond("interests", "contains_any", ["tennis", "uinti"])),
        (r) => !!r.interests?.some((x) => x === "tennis" || x === "uinti"),
      ],
      [
        "interests contains_all",
        and(cond("interests", "contains_all", ["golf", "tennis"])),
        (r) => !!r.interests?.includes("golf") && !!r.interests.includes("tennis"),
      ],
      ["interests empty", and(cond("interests", "empty")), (r) => !r.interests?.length],
      ["interests not_empty", and(cond("interests", "not_empty")), (r) => !!r.interests?.length],
      ["fee eq", and(cond("fee", "eq", "7,5")), (r) => num(r.fee) === 7.5],
      ["fee gt", and(cond("fee", "gt", 30)), (r) => (num(r.fee) ?? -1) > 30],
      ["fee lt", and(cond("fee", "lt", 10)), (r) => num(r.fee) !== undefined && num(r.fee)! < 10],
      [
        "fee between (reversed)",
        and(cond("fee", "between", [40, 10])),
        (r) => num(r.fee) !== undefined && num(r.fee)! >= 10 && num(r.fee)! <= 40,
      ],
      [
        "fee empty (malformed counts as empty)",
        and(cond("fee", "empty")),
        (r) => num(r.fee) === undefined,
      ],
      ["fee not_empty", and(cond("fee", "not_empty")), (r) => num(r.fee) !== undefined],
      ["joined on", and(cond("joined", "on", d200)), (r) => date(r.joined) === d200],
      [
        "joined before (Finnish date)",
        and(cond("joined", "before", d200.split("-").reverse().join("."))),
        (r) => !!date(r.joined) && date(r.joined)! < d200,
      ],
      [
        "joined after",
        and(cond("joined", "after", d200)),
        (r) => !!date(r.joined) && date(r.joined)! > d200,
      ],
      [
        "joined within_last_days",
        and(cond("joined", "within_last_days", 100)),
        (r) => !!date(r.joined) && date(r.joined)! >= dayOffset(t, 100),
      ],
      ["joined empty", and(cond("joined", "empty")), (r) => !date(r.joined)],
      ["joined not_empty", and(cond("joined", "not_empty")), (r) => !!date(r.joined)],
      ["member is_true", and(cond("member", "is_true")), (r) => r.member === true],
      ["member is_false", and(cond("member", "is_false")), (r) => r.member === false],
      ["member empty", and(cond("member", "empty")), (r) => r.member === undefined],
      [
        "createdAt within_last_days",
        and(cond("createdAt", "within_last_days", 10)),
        (r) => helsinkiDay(r.createdAt) >= dayOffset(t, 10),
      ],
      [
        "createdAt on",
        and(cond("createdAt", "on", helsinkiDay(s.rows[5]!.createdAt))),
        (r) => helsinkiDay(r.createdAt) === helsinkiDay(s.rows[5]!.createdAt),
      ],
      [
        "createdAt before",
        and(cond("createdAt", "before", dayOffset(t, 20))),
        (r) => helsinkiDay(r.createdAt) < dayOffset(t, 20),
      ],
      [
        "createdAt after",
        and(cond("createdAt", "after", dayOffset(t, 20))),
        (r) => helsinkiDay(r.createdAt) > dayOffset(t, 20),
      ],
      [
        "emailStatus is",
        and(cond("emailStatus", "is", "subscribed")),
        (r) => r.emailStatus === "subscribed",
      ],
      [
        "emailStatus in",
        and(cond("emailStatus", "in", ["none", "pending"])),
        (r) => r.emailStatus === "none" || r.emailStatus === "pending",
      ],
      ["smsStatus is", and(cond("smsStatus", "is", "none")), () => true],
      ["empty filter is the whole register", and(), () => true],
      [
        "city = Helsinki AND interests contains golf",
        and(cond("city", "equals", "Helsinki"), cond("interests", "contains_any", ["golf"])),
        (r) => r.city === "Helsinki" && !!r.interests?.includes("golf"),
      ],
      [
        "nested OR of ANDs",
        or(
          and(cond("city", "equals", "Espoo"), cond("member", "is_true")),
          and(cond("fee", "gt", 60), or(cond("note", "not_empty"), cond("interests", "empty"))),
        ),
        (r) =>
          (r.city === "Espoo" && r.member === true) ||
          ((num(r.fee) ?? -1) > 60 && (r.note !== undefined || !r.interests?.length)),
      ],
    ];
    const ctx = {
      orgId: s.org.id,
      registerId: s.reg.id,
      columns: await segmentColumns(h.db, s.org.id, s.reg.id),
    };
    let overFacets = 0;
    for (const [name, filter, pred] of cases) {
      const expected = s.rows.filter(pred).length;
      // countFilter reads contact_facets when it can; the contacts path must agree either way.
      const got = await countFilter(h.db, s.org.id, s.reg.id, filter);
      const viaContacts = await countWhere(h.db, compileFilter(filter, ctx));
      expect({ name, got, viaContacts }).toEqual({ name, got: expected, viaContacts: expected });
      if (compileFacetFilter(filter, ctx)) overFacets++;
    }
    // Every custom-column, status and creation-time case is answered from contact_facets.
    expect(overFacets).toBe(cases.length - 9);
  });

  it("matches quotes, % and _ and SQL literally", async () => {
    const count = (f: FilterGroup) => countFilter(h.db, s.org.id, s.reg.id, f);
    expect(await count(and(cond("note", "contains", "%")))).toBe(1);
    expect(await count(and(cond("note", "contains", "_")))).toBe(1);
    expect(await count(and(cond("note", "equals", "O'Brien")))).toBe(1);
    expect(await count(and(cond("note", "equals", "'; drop table contacts; --")))).toBe(1);
    expect(await count(and(cond("note", "in", ["x' or '1'='1", "abc"])))).toBe(1);
    expect(await count(and(cond("note", "starts_with", "abc")))).toBe(2);
    expect(await count(and(cond("city", "equals", `Helsinki"}, "x": {"`)))).toBe(0);
    expect(await count(and())).toBe(50);
  });

  it("pages matching contacts through the contacts list", async () => {
    const where = await compileForRegister(
      h.db,
      s.org.id,
      s.reg.id,
      and(cond("city", "equals", "Helsinki")),
    );
    const page = await listContacts(h.db, s.org.id, s.reg.id, { where });
    expect(page.rows.length).toBe(s.rows.filter((r) => r.city === "Helsinki").length);
    expect(page.rows.every((r) => r.data.city === "Helsinki")).toBe(true);
  });

  it("refuses bad trees with a message naming the problem", async () => {
    const code = async (f: unknown) => {
      try {
        await countFilter(h.db, s.org.id, s.reg.id, f);
        return "ok";
      } catch (e) {
        return (e as AppError).userMessage;
      }
    };
    expect(await code(and(cond("nope", "equals", "x")))).toBe(
      "segments.errors.unknownField|field=nope",
    );
    expect(await code(and(cond("fee", "contains", "x")))).toBe(
      "segments.errors.badOperator|field=Fee",
    );
    expect(await code(and(cond("fee", "gt", "many")))).toBe("segments.errors.badValue|field=Fee");
    expect(await code(and(cond("joined", "on", "31.2.2020")))).toBe(
      "segments.errors.badValue|field=Joined",
    );
    expect(await code(and(cond("emailStatus", "is", "maybe")))).toBe(
      "segments.errors.badValue|field=emailStatus",
    );
    expect(await code(and(cond("email", "equals", "")))).toBe(
      "segments.errors.badValue|field=email",
    );
    expect(await code(and(cond("city", "constructor", "x")))).toBe(
      "segments.errors.badOperator|field=City",
    );
    expect(await code(and(and(and(and(and(cond("email", "empty")))))))).toBe(
      "segments.errors.tooDeep|max=4",
    );
    expect(await code(and(...Array.from({ length: 51 }, () => cond("email", "empty"))))).toMatch(
      /^segments\.errors\.(tooManyConditions|badFilter)/,
    );
    expect(await code({ type: "cond", field: "email", operator: "empty" })).toBe(
      "segments.errors.badFilter",
    );
    expect(await code(and(and(and(cond("email", "empty")))))).toBe("ok");
  });
});

describe("contact_facets", () => {
  const count = (s: { org: { id: string }; reg: { id: string } }, f: FilterGroup) =>
    countFilter(h.db, s.org.id, s.reg.id, f);

  it("follows inserts, updates and deletes of contacts in the same statement", async () => {
    const s = await setup();
    const helsinki = and(cond("city", "equals", "Helsinki"), cond("member", "is_true"));
    const before = await count(s, helsinki);
    const [c] = await h.db
      .insert(contacts)
      .values({
        orgId: s.org.id,
        registerId: s.reg.id,
        email: "new@example.fi",
        data: { city: "Helsinki", member: true },
      })
      .returning();
    expect(await count(s, helsinki)).toBe(before + 1);
    await h.db
      .update(contacts)
      .set({ data: { city: "Espoo", member: true }, emailStatus: "subscribed" })
      .where(sql`${contacts.id} = ${c!.id}`);
    expect(await count(s, helsinki)).toBe(before);
    const subscribed = and(
      cond("emailStatus", "is", "subscribed"),
      cond("city", "equals", "Espoo"),
    );
    const espooSubscribed = s.rows.filter(
      (r) => r.city === "Espoo" && r.emailStatus === "subscribed",
    ).length;
    expect(await count(s, subscribed)).toBe(espooSubscribed + 1);
    await h.db.delete(contacts).where(sql`${contacts.id} = ${c!.id}`);
    expect(await count(s, subscribed)).toBe(espooSubscribed);
    const [{ n }] = (await queryRows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from ${contactFacets} where ${contactFacets.registerId} = ${s.reg.id}`,
    )) as [{ n: number }];
    expect(n).toBe(50);
    // Deleting the register deletes its contacts by cascade, and with them their facets.
    await deleteRegister(h.db, s.org.id, s.actor, s.reg.id);
    const [{ left }] = (await queryRows<{ left: number }>(
      h.db,
      sql`select count(*)::int as left from ${contactFacets} where ${contactFacets.registerId} = ${s.reg.id}`,
    )) as [{ left: number }];
    expect(left).toBe(0);
  });

  it("gives a removed column's slot to the next column with no stale values", async () => {
    const s = await setup();
    const cols = await listColumns(h.db, s.org.id, s.reg.id);
    const city = cols.find((c) => c.key === "city")!;
    expect(cols.map((c) => c.slot)).toEqual(["t1", "m1", "n1", "d1", "b1", "t2"]);
    await removeColumn(h.db, s.org.id, s.actor, s.reg.id, city.id);
    const area = await addColumn(h.db, s.org.id, s.actor, s.reg.id, {
      label: "Area",
      type: "single_choice",
      options: CITIES,
    });
    expect(area.slot).toBe("t1");
    expect(await count(s, and(cond("area", "equals", "Helsinki")))).toBe(0);
    expect(await count(s, and(cond("area", "empty")))).toBe(50);
    // A value already in data under a new column's key is found at once.
    await h.db
      .update(contacts)
      .set({ data: sql`${contacts.data} || '{"level": 3}'::jsonb` })
      .where(sql`${contacts.registerId} = ${s.reg.id} and ${contacts.email} = 'p4@example.fi'`);
    const level = await addColumn(h.db, s.org.id, s.actor, s.reg.id, {
      label: "Level",
      type: "number",
    });
    expect(level.slot).toBe("n2");
    expect(await count(s, and(cond("level", "eq", 3)))).toBe(1);
  });

  it("counts columns beyond the slots through contacts, alone and mixed", async () => {
    const org = await createOrg(h.db);
    const main = await createUser(h.db, { orgId: org.id, role: "main" });
    const reg = await createRegister(
      h.db,
      org.id,
      { userId: main.id, userEmail: main.email },
      {
        name: "Wide",
        columns: Array.from({ length: 13 }, (_, i) => ({ label: `T${i + 1}`, type: "text" })),
      },
    );
    const cols = await listColumns(h.db, org.id, reg.id);
    expect(cols.map((c) => c.slot).slice(-2)).toEqual(["t12", null]);
    await h.db.insert(contacts).values(
      Array.from({ length: 6 }, (_, i) => ({
        orgId: org.id,
        registerId: reg.id,
        data: { t1: i % 2 ? "a" : "b", t13: i % 3 ? "x" : "y" },
      })),
    );
    const s = { org, reg };
    const ctx = {
      orgId: org.id,
      registerId: reg.id,
      columns: await segmentColumns(h.db, org.id, reg.id),
    };
    const last = and(cond("t13", "equals", "y"));
    expect(compileFacetFilter(last, ctx)).toBeNull();
    expect(await count(s, last)).toBe(2);
    expect(await count(s, and(cond("t1", "equals", "a"), cond("t13", "equals", "x")))).toBe(2);
    expect(await count(s, and(cond("t1", "equals", "b")))).toBe(3);
  });
});

describe("saved segments", () => {
  it("are saved, counted, renamed and deleted by editors; viewers only read", async () => {
    const s = await setup();
    const viewer = await createUser(h.db, { orgId: s.org.id, role: "viewer" });
    const vActor = { userId: viewer.id, userEmail: viewer.email };
    const filter = and(cond("city", "equals", "Helsinki"));
    await expect(
      createSegment(h.db, s.org.id, vActor, { registerId: s.reg.id, name: "Helsinki", filter }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const seg = await createSegment(h.db, s.org.id, s.actor, {
      registerId: s.reg.id,
      name: " Helsinki ",
      filter,
    });
    expect(seg.name).toBe("Helsinki");
    const list = await listSegments(h.db, s.org.id, s.reg.id);
    expect(list.map((x) => [x.name, x.count])).toEqual([
      ["Helsinki", s.rows.filter((r) => r.city === "Helsinki").length],
    ]);
    await expect(
      createSegment(h.db, s.org.id, s.actor, {
        registerId: s.reg.id,
        name: "Bad",
        filter: and(cond("nope", "empty")),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const u = await updateSegment(h.db, s.org.id, s.actor, seg.id, {
      registerId: s.reg.id,
      name: "Espoo",
      filter: and(cond("city", "equals", "Espoo")),
    });
    expect(u.name).toBe("Espoo");
    await expect(deleteSegment(h.db, s.org.id, vActor, s.reg.id, seg.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await deleteSegment(h.db, s.org.id, s.actor, s.reg.id, seg.id);
    expect(await listSegments(h.db, s.org.id, s.reg.id)).toEqual([]);
  });

  it("another organisation cannot read, count, change or use a segment or register", async () => {
    const a = await setup();
    const b = await setup();
    const seg = await createSegment(h.db, a.org.id, a.actor, {
      registerId: a.reg.id,
      name: "A",
      filter: and(cond("city", "equals", "Helsinki")),
    });
    const nf = { code: "NOT_FOUND" };
    await expect(getSegmentOrThrow(h.db, b.org.id, seg.id)).rejects.toMatchObject(nf);
    await expect(countFilter(h.db, b.org.id, a.reg.id, and())).rejects.toMatchObject(nf);
    await expect(listSegments(h.db, b.org.id, a.reg.id)).rejects.toMatchObject(nf);
    await expect(
      updateSegment(h.db, b.org.id, b.actor, seg.id, {
        registerId: a.reg.id,
        name: "x",
        filter: and(),
      }),
    ).rejects.toMatchObject(nf);
    await expect(
      updateSegment(h.db, b.org.id, b.actor, seg.id, {
        registerId: b.reg.id,
        name: "x",
        filter: and(),
      }),
    ).rejects.toMatchObject(nf);
    await expect(deleteSegment(h.db, b.org.id, b.actor, b.reg.id, seg.id)).rejects.toMatchObject(
      nf,
    );
    // B's user acting on A's organisation is not a member there.
    await expect(
      createSegment(h.db, a.org.id, b.actor, { registerId: a.reg.id, name: "x", filter: and() }),
    ).rejects.toMatchObject(nf);
    // A segment in B's register cannot be saved with A's register id either.
    await expect(
      createSegment(h.db, b.org.id, b.actor, { registerId: a.reg.id, name: "x", filter: and() }),
    ).rejects.toMatchObject(nf);
    expect(await getSegmentOrThrow(h.db, a.org.id, seg.id)).toMatchObject({ name: "A" });
  });
});
