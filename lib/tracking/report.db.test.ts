import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { queryRows } from "@/db";
import { contacts } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { createEmailContacts, createSentEmailCampaign } from "@/db/seed/campaign-factories";
import { resetEnvCache } from "@/lib/env";
import { createRegister } from "@/lib/registers/registers";
import { compileFilter } from "@/lib/segments/compile";
import { builderFields } from "@/lib/segments/queries";
import { segmentColumns } from "@/lib/segments/segments";
import { recordEvent, recordProviderEvent } from "./events";
import { reportColumns, reportCsv, reportXlsx } from "./report-export";
import {
  clicksPerLink,
  engagementTimeline,
  getReportCampaignOrThrow,
  reportSummary,
} from "./report";
import { listContactMessages, listEngaged } from "./report-rows";

process.env.AUTH_SECRET = "tracking-test-secret-0123456789abcdef";
resetEnvCache();

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

/** Five recipients: 0 opens twice and clicks link 1; 1 only clicks link 0 twice; 2 hard bounce; 3 soft bounce; 4 nothing. */
async function seeded() {
  const db = h.db;
  const org = await createOrg(db);
  const u = await createUser(db, { orgId: org.id, role: "main" });
  const actor = { userId: u.id, userEmail: u.email, ip: null };
  const register = await createRegister(db, org.id, actor, { name: "Asiakkaat", columns: [] });
  await createEmailContacts(db, org.id, register.id, 5);
  const s = await createSentEmailCampaign(db, {
    orgId: org.id,
    registerId: register.id,
    name: "Syystarjous",
    links: [
      { url: "https://example.fi/a", label: "Lue lisää" },
      { url: "https://example.fi/b", label: '=HYPERLINK("x")' },
    ],
  });
  const [d0, d1, d2, d3] = s.deliveries;
  const at = (hh: number, mm = 0) => new Date(Date.UTC(2026, 10, 30, hh, mm));
  await recordEvent(db, {
    deliveryId: d0!.id,
    type: "open",
    dedupeKey: `o1-${d0!.id}`,
    at: at(8, 5),
  });
  await recordEvent(db, {
    deliveryId: d0!.id,
    type: "open",
    dedupeKey: `o2-${d0!.id}`,
    at: at(10, 1),
  });
  await recordEvent(db, {
    deliveryId: d0!.id,
    type: "click",
    linkIdx: 1,
    dedupeKey: `c1-${d0!.id}`,
    at: at(10, 2),
  });
  await recordEvent(db, {
    deliveryId: d1!.id,
    type: "click",
    linkIdx: 0,
    dedupeKey: `c1-${d1!.id}`,
    at: at(8, 30),
  });
  await recordEvent(db, {
    deliveryId: d1!.id,
    type: "click",
    linkIdx: 0,
    dedupeKey: `c2-${d1!.id}`,
    at: at(8, 40),
  });
  await recordProviderEvent(db, {
    deliveryId: d2!.id,
    type: "bounce",
    bounceKind: "hard",
    dedupeKey: `b-${d2!.id}`,
  });
  await recordProviderEvent(db, {
    deliveryId: d3!.id,
    type: "bounce",
    bounceKind: "soft",
    dedupeKey: `b-${d3!.id}`,
  });
  await recordEvent(db, { deliveryId: d0!.id, type: "unsubscribe", dedupeKey: `u-${d0!.id}` });
  return { db, org, register, ...s };
}

describe("campaign report", () => {
  it("aggregates counts, per-link clicks, the hourly timeline and who engaged", async () => {
    const s = await seeded();
    const sum = await reportSummary(s.db, s.org.id, s.campaign.id);
    expect(sum).toEqual({
      recipients: 5,
      sent: 5,
      delivered: 0,
      failed: 0,
      bouncedHard: 1,
      bouncedSoft: 1,
      complaints: 0,
      uniqueOpens: 2,
      totalOpens: 3, // two pixel opens + one implied by recipient 1's click
      uniqueClicks: 2,
      totalClicks: 3,
      unsubscribes: 1,
    });
    const links = await clicksPerLink(s.db, s.org.id, s.campaign.id);
    expect(links.map((l) => [l.idx, l.total, l.unique])).toEqual([
      [0, 2, 1],
      [1, 1, 1],
    ]);
    const tl = await engagementTimeline(s.db, s.org.id, s.campaign.id);
    expect(tl.map((p) => [p.hour.toISOString().slice(11, 13), p.opens, p.clicks])).toEqual([
      ["08", 2, 2],
      ["09", 0, 0],
      ["10", 1, 1],
    ]);
    const opened = await listEngaged(s.db, s.org.id, s.campaign.id, "opened");
    expect(opened.total).toBe(2);
    expect(opened.rows.map((r) => r.name)).toEqual(["Etu0 Suku0", "Etu1 Suku1"]);
    const clicked = await listEngaged(s.db, s.org.id, s.campaign.id, "clicked");
    expect(clicked.rows.map((r) => r.deliveryId)).toEqual([
      s.deliveries[1]!.id,
      s.deliveries[0]!.id,
    ]);
  });

  it("another organisation's campaign is not found and its figures are not readable", async () => {
    const s = await seeded();
    const other = await createOrg(s.db);
    await expect(getReportCampaignOrThrow(s.db, other.id, s.campaign.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await reportSummary(s.db, other.id, s.campaign.id)).recipients).toBe(0);
    expect(await clicksPerLink(s.db, other.id, s.campaign.id)).toEqual([]);
    expect((await listEngaged(s.db, other.id, s.campaign.id, "opened")).total).toBe(0);
    expect(await listContactMessages(s.db, other.id, s.deliveries[0]!.contactId!)).toEqual([]);
  });

  it("exports one row per recipient to CSV and .xlsx with formulas neutralised", async () => {
    const s = await seeded();
    await s.db.execute(
      sql`update contacts set first_name = '=cmd()' where id = ${s.deliveries[4]!.contactId}::uuid`,
    );
    const cols = reportColumns((k) => k);
    const status = (x: string) => `st:${x}`;
    const chunks: Buffer[] = [];
    for await (const b of reportCsv(s.db, s.org.id, s.campaign.id, cols, status)) chunks.push(b);
    const lines = Buffer.concat(chunks)
      .toString("utf8")
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe(
      "export.address;export.name;export.status;export.sent;export.opened;export.clicked;export.bounced;export.unsubscribed",
    );
    expect(lines[3]).toContain("st:bounced_hard");
    expect(lines[5]).toContain("'=cmd() Suku4");

    const wb = new ExcelJS.Workbook();
    const bytes: Buffer[] = [];
    for await (const b of reportXlsx(s.db, s.org.id, s.campaign.id, cols, status, "Syystarjous"))
      bytes.push(b as Buffer);
    await wb.xlsx.load(Buffer.concat(bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(6);
    expect(ws.getRow(2).getCell(5).value).toBeInstanceOf(Date);
    expect(ws.getRow(6).getCell(2).value).toBe("'=cmd() Suku4");
  });

  it("the contact's history lists the message with what the person did", async () => {
    const s = await seeded();
    const [m] = await listContactMessages(s.db, s.org.id, s.deliveries[0]!.contactId!);
    expect(m).toMatchObject({ name: "Syystarjous", channel: "email" });
    expect(m!.openedAt && m!.clickedAt && m!.unsubscribedAt).toBeTruthy();
  });
});

describe("segment engagement filters", () => {
  it("opened / clicked / received-but-did-not-open compile to one EXISTS each", async () => {
    const s = await seeded();
    const columns = await segmentColumns(s.db, s.org.id, s.register.id);
    const names = async (operator: string, value: string) => {
      const where = compileFilter(
        {
          type: "group",
          op: "and",
          children: [{ type: "cond", field: "campaign", operator, value }],
        },
        { orgId: s.org.id, registerId: s.register.id, columns },
      );
      const rows = await queryRows<{ first_name: string }>(
        s.db,
        sql`select first_name from ${contacts} where ${where} order by first_name`,
      );
      return rows.map((r) => r.first_name);
    };
    expect(await names("opened", s.campaign.id)).toEqual(["Etu0", "Etu1"]);
    expect(await names("clicked", s.campaign.id)).toEqual(["Etu0", "Etu1"]);
    expect(await names("not_opened", s.campaign.id)).toEqual(["Etu2", "Etu3", "Etu4"]);
    // A campaign of another organisation matches nobody here.
    const b = await seeded();
    expect(await names("opened", b.campaign.id)).toEqual([]);
    expect(() =>
      compileFilter(
        {
          type: "group",
          op: "and",
          children: [{ type: "cond", field: "campaign", operator: "opened", value: "x" }],
        },
        { orgId: s.org.id, registerId: s.register.id, columns: [] },
      ),
    ).toThrow();
    const fields = await builderFields(s.db, s.org.id, s.register.id);
    const f = fields.find((x) => x.field === "campaign")!;
    expect(f.options).toEqual([s.campaign.id]);
    expect(f.optionLabels).toEqual({ [s.campaign.id]: "Syystarjous" });
  });
});
