import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { contacts, deliveries, organizations } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg } from "@/db/seed/factories";
import { renderCampaign } from "@/lib/campaigns/renderer";
import { sendCampaign } from "@/lib/campaigns/send";
import { getReportCampaignOrThrow } from "@/lib/tracking/report";
import { reportColumns, reportCsv, reportXlsx } from "@/lib/tracking/report-export";
import {
  smsFailureReasons,
  smsReportSummary,
  smsTimeline,
  splitFailureReason,
} from "./campaign-report";
import { listSmsRecipients } from "./campaign-report-rows";
import { applyDeliveryReport } from "./delivery-reports";
import { createSmsCampaignSetup, sandboxSmsGateway } from "./testing/sms-campaign";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

// 178 GSM-7 characters once personalized: two parts (153 + 25) for everyone.
const TEXT = `Hei {{ first_name }}! ${"Syysale alkaa huomenna. ".repeat(7)}`;

/**
 * Seven recipients, one in each state a report must tell apart: 0–1 delivered, 2–3 failed by
 * the same delivery report, 4 sent without a report, 5 failed at send (a permanent gateway
 * error), 6 waiting to send (a transient error, retried later). Price 7.125 cents per part.
 */
async function seeded() {
  const db = h.db;
  const s = await createSmsCampaignSetup(db, { contacts: 7, text: TEXT, name: "Syysale" });
  await db
    .update(organizations)
    .set({ smsPartPriceCents: 7.125 })
    .where(eq(organizations.id, s.org.id));
  const idx = (to: string) => s.people.findIndex((p) => p.phone === to);
  const gateway = sandboxSmsGateway(db, (m) =>
    idx(m.to) === 5
      ? { key: m.key, ok: false, permanent: true, error: '=HYPERLINK("x")   bad\n number' }
      : idx(m.to) === 6
        ? { key: m.key, ok: false, permanent: false, error: "gateway hiccup" }
        : null,
  );
  const ids = { orgId: s.org.id, campaignId: s.campaign.id };
  const r = await sendCampaign(db, ids, {
    gateway,
    render: renderCampaign,
    maxWaitMs: 10,
    retryMs: () => 3_600_000,
  });
  expect(r.state).toBe("continue");
  const rows = await db.select().from(deliveries).where(eq(deliveries.campaignId, s.campaign.id));
  const d = (i: number) => rows.find((x) => x.contactId === s.people[i]!.id)!;
  const at = new Date(Date.now() + 10 * 60_000);
  for (const i of [0, 1])
    expect(await applyDeliveryReport(db, { key: `d:${d(i).id}`, type: 1, at })).toBe("delivered");
  for (const i of [2, 3])
    expect(
      await applyDeliveryReport(db, { key: `d:${d(i).id}`, type: 16, at, detail: "NACK/0x0b" }),
    ).toBe("failed");
  return { ...s, d, at };
}

describe("SMS campaign report", () => {
  it("counts every state, the delivery rate, parts and their cost", async () => {
    const s = await seeded();
    const sum = await smsReportSummary(h.db, s.org.id, s.campaign.id);
    expect(sum).toMatchObject({
      recipients: 7,
      sent: 5,
      delivered: 2,
      failed: 3,
      failedAtSend: 1,
      waitingToSend: 1,
      waitingForReport: 1,
      parts: 10,
      partPriceCents: 7.125,
      costEuros: 0.7125,
      expectingReports: true,
    });
    expect(sum.deliveryRate).toBeCloseTo(0.4);
    // The send is billed at the price of the moment it started, not at a later price.
    await h.db
      .update(organizations)
      .set({ smsPartPriceCents: 9 })
      .where(eq(organizations.id, s.org.id));
    expect(await smsReportSummary(h.db, s.org.id, s.campaign.id)).toMatchObject({
      partPriceCents: 7.125,
      costEuros: 0.7125,
    });
  });

  it("groups failures by their normalised reason, most common first", async () => {
    const s = await seeded();
    const reasons = await smsFailureReasons(h.db, s.org.id, s.campaign.id);
    expect(reasons).toEqual([
      { reason: "delivery report 16: NACK/0x0b", count: 2 },
      { reason: '=HYPERLINK("x") bad number', count: 1 },
    ]);
    expect(splitFailureReason(reasons[0]!.reason)).toEqual({ dlrType: 16, detail: "NACK/0x0b" });
    expect(splitFailureReason("too long")).toEqual({ dlrType: null, detail: "too long" });
  });

  it("draws sends and deliveries per 5 minutes for a short send, per hour for a long one", async () => {
    const s = await seeded();
    const short = await smsTimeline(h.db, s.org.id, s.campaign.id);
    expect(short.stepMinutes).toBe(5);
    expect(short.points.reduce((n, p) => n + p.sent, 0)).toBe(5);
    expect(short.points.reduce((n, p) => n + p.delivered, 0)).toBe(2);
    for (let i = 1; i < short.points.length; i++)
      expect(short.points[i]!.at.getTime() - short.points[i - 1]!.at.getTime()).toBe(300_000);

    // A delivery report five hours later widens the span: hourly buckets, zeros in between.
    await h.db
      .update(deliveries)
      .set({ deliveredAt: new Date(s.at.getTime() + 5 * 3600_000) })
      .where(eq(deliveries.id, s.d(1).id));
    const long = await smsTimeline(h.db, s.org.id, s.campaign.id);
    expect(long.stepMinutes).toBe(60);
    expect(long.points.length).toBeGreaterThanOrEqual(6);
    expect(long.points.reduce((n, p) => n + p.delivered, 0)).toBe(2);
    expect(long.points.some((p) => p.sent === 0 && p.delivered === 0)).toBe(true);
  });

  it("lists recipients page by page with a status filter, names only while the contact exists", async () => {
    const s = await seeded();
    const all = await listSmsRecipients(h.db, s.org.id, s.campaign.id);
    expect(all.total).toBe(7);
    expect(all.rows.map((r) => r.name).sort()).toEqual(
      s.people.map((p) => `${p.firstName} ${p.lastName}`).sort(),
    );
    const failed = await listSmsRecipients(h.db, s.org.id, s.campaign.id, { status: "failed" });
    expect(failed.total).toBe(3);
    expect(failed.rows.every((r) => r.status === "failed" && r.error)).toBe(true);
    const waiting = await listSmsRecipients(h.db, s.org.id, s.campaign.id, { status: "sent" });
    expect(waiting.rows.map((r) => r.deliveryId)).toEqual([s.d(4).id]);
    expect(waiting.rows[0]).toMatchObject({
      parts: 2,
      deliveredAt: null,
      number: s.people[4]!.phone,
    });
    const queued = await listSmsRecipients(h.db, s.org.id, s.campaign.id, { status: "queued" });
    expect(queued.rows.map((r) => [r.deliveryId, r.parts, r.sentAt])).toEqual([
      [s.d(6).id, null, null],
    ]);
    expect((await listSmsRecipients(h.db, s.org.id, s.campaign.id, { page: 1 })).rows).toEqual([]);

    await h.db.delete(contacts).where(eq(contacts.id, s.people[0]!.id));
    const after = await listSmsRecipients(h.db, s.org.id, s.campaign.id, { status: "delivered" });
    const gone = after.rows.find((r) => r.deliveryId === s.d(0).id)!;
    expect(gone).toMatchObject({ contactId: null, name: "", number: s.people[0]!.phone });
    expect(gone.deliveredAt?.toISOString()).toBe(s.at.toISOString());
  });

  it("exports every recipient to CSV and .xlsx with SMS columns, formulas neutralised", async () => {
    const s = await seeded();
    const cols = reportColumns((k) => k, "sms");
    expect(cols.map((c) => c.label)).toEqual([
      "export.phone",
      "export.name",
      "export.status",
      "export.parts",
      "export.sent",
      "export.delivered",
      "export.error",
    ]);
    let csv = "";
    for await (const b of reportCsv(h.db, s.org.id, s.campaign.id, cols, (x) => `[${x}]`))
      csv += b.toString("utf8");
    const lines = csv
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(8);
    const line = (i: number) => lines.find((l) => l.startsWith(s.people[i]!.phone!))!;
    expect(line(4)).toMatch(/^\+35840\d+;Etu4 Suku4;\[sent\];2;\d{4}-\d\d-\d\d \d\d:\d\d;;$/);
    expect(line(2)).toContain(";[failed];2;");
    expect(line(2)).toContain("delivery report 16: NACK/0x0b");
    expect(line(5)).toContain(`;[failed];;;;"'=HYPERLINK(""x"")`);

    const wb = new ExcelJS.Workbook();
    const chunks: Buffer[] = [];
    for await (const c of reportXlsx(h.db, s.org.id, s.campaign.id, cols, (x) => x, "Syysale"))
      chunks.push(c as Buffer);
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(8);
    const row = ws.getRows(2, 7)!.find((r) => r.getCell(1).value === s.people[0]!.phone)!;
    expect(row.getCell(4).value).toBe(2);
    expect(row.getCell(6).value).toBeInstanceOf(Date);
  });

  it("another organisation sees nothing: the campaign is not found and every read is empty", async () => {
    const s = await seeded();
    const other = await createOrg(h.db);
    await expect(getReportCampaignOrThrow(h.db, other.id, s.campaign.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await smsReportSummary(h.db, other.id, s.campaign.id)).toMatchObject({
      recipients: 0,
      sent: 0,
      parts: 0,
      costEuros: 0,
    });
    expect(await smsFailureReasons(h.db, other.id, s.campaign.id)).toEqual([]);
    expect((await smsTimeline(h.db, other.id, s.campaign.id)).points).toEqual([]);
    expect(await listSmsRecipients(h.db, other.id, s.campaign.id)).toEqual({ rows: [], total: 0 });
    let csv = "";
    for await (const b of reportCsv(
      h.db,
      other.id,
      s.campaign.id,
      reportColumns((k) => k, "sms"),
      (x) => x,
    ))
      csv += b.toString("utf8");
    expect(csv.trim().split("\r\n")).toHaveLength(1);
  });
});
