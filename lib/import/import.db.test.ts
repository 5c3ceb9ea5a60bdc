import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Pool } from "pg";
import { queryRows } from "@/db";
import { auditLog, consentEvents, contacts, imports, jobs, suppressions } from "@/db/schema";
import { countFilter } from "@/lib/segments/segments";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { addressHash, normalizeAddress } from "@/lib/consent/address-hash";
import { readFile } from "@/lib/files/store";
import type { Role } from "@/lib/orgs/roles";
import { createRegister } from "@/lib/registers/registers";
import {
  createImportFromUpload,
  getImportOrThrow,
  listImports,
  previewImport,
  reportPreview,
  retryImport,
  startImport,
  type StartInput,
} from "./imports";
import { runImport } from "./run";
import { matchTable, stageTable } from "./stage";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
  // Dropping the test database ends pooled connections; do not let that crash the run.
  if (h.kind === "postgres") (h.raw as Pool).on("error", () => {});
});
afterAll(async () => h?.dispose());

type Actor = { userId: string; userEmail: string; ip: string };

async function orgWith(role: Role = "main") {
  const org = await createOrg(h.db);
  const u = await createUser(h.db, { orgId: org.id, role });
  const actor: Actor = { userId: u.id, userEmail: u.email, ip: "203.0.113.1" };
  const register = await createRegister(h.db, org.id, actor, {
    name: "Asiakkaat",
    columns: [
      { label: "Kaupunki", type: "text" },
      {
        label: "Kiinnostuksen kohteet",
        type: "multi_choice",
        options: ["Golf", "Tennis", "Purjehdus"],
      },
      { label: "Syntymäpäivä", type: "date" },
      { label: "Pisteet", type: "number" },
    ],
  });
  return { org, actor, register };
}

/** Windows-1252 bytes (Latin-1 covers the Finnish letters used here). */
const cp1252 = (s: string) => Buffer.from(s, "latin1");

async function* chunked(buf: Buffer, size = 4096) {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

const FINNISH_CSV = [
  "Sähköposti;Etunimi;Sukunimi;Kaupunki;Kiinnostuksen kohteet;Syntymäpäivä;Pisteet;Muistiinpano",
  "matti.meikalainen@example.fi;Matti;Meikäläinen;Helsinki;Golf, Tennis;17.5.1980;3,5;",
  "liisa@example.fi;Liisa;Mäkelä;Hämeenlinna;Purjehdus;1.1.1990;10;ei mitään",
  "ei-osoite;Väärä;Osoite;Oulu;;;;",
  "aino@example.fi;Aino;Äijälä;Turku;Sulkapallo;;;",
  "MATTI.meikalainen@example.fi;Matti;Tupla;Espoo;;;;",
  "pekka@example.fi;Pekka;Päiväys;Vantaa;;31.2.2000;;",
  "jussi@example.fi;Jussi;Öhman;Helsinki;golf;;1 000;",
  "",
].join("\r\n");

const DEFAULT_START: StartInput = {
  mapping: {},
  mode: "upsert",
  dedupe: "email_phone",
  consent: "none",
};

/** Uploads, maps (the given mapping or the register's suggestion by header), starts and runs. */
async function importBytes(
  ctx: { org: { id: string }; actor: Actor; register: { id: string } },
  name: string,
  bytes: Buffer,
  opts: Partial<StartInput> = {},
) {
  const draft = await createImportFromUpload(
    h.db,
    ctx.org.id,
    ctx.actor,
    ctx.register.id,
    name,
    chunked(bytes),
  );
  const mapping = opts.mapping ?? autoMapping(draft.headers);
  await startImport(h.db, ctx.org.id, ctx.actor, draft.id, {
    ...DEFAULT_START,
    ...opts,
    mapping,
  });
  const done = await runImport(h, ctx.org.id, draft.id);
  return done!;
}

/** The mapping the page suggests for this test's headers. */
function autoMapping(headers: string[]): Record<string, string> {
  const byHeader: Record<string, string> = {
    Sähköposti: "email",
    Puhelin: "phone",
    Etunimi: "firstName",
    Sukunimi: "lastName",
    Kaupunki: "c:kaupunki",
    "Kiinnostuksen kohteet": "c:kiinnostuksen_kohteet",
    Syntymäpäivä: "c:syntymapaiva",
    Pisteet: "c:pisteet",
  };
  const out: Record<string, string> = {};
  headers.forEach((hd, i) => {
    if (byHeader[hd]) out[String(i)] = byHeader[hd]!;
  });
  return out;
}

const registerContacts = (registerId: string) =>
  h.db
    .select()
    .from(contacts)
    .where(eq(contacts.registerId, registerId))
    .orderBy(asc(contacts.email));

describe("import job", () => {
  it("imports a Windows-1252 semicolon CSV with Finnish headers and reports bad rows", async () => {
    const ctx = await orgWith("editor");
    const draft = await createImportFromUpload(
      h.db,
      ctx.org.id,
      ctx.actor,
      ctx.register.id,
      "asiakkaat.csv",
      chunked(cp1252(FINNISH_CSV), 50),
    );
    expect(draft).toMatchObject({
      status: "draft",
      format: "csv",
      encoding: "windows-1252",
      delimiter: ";",
      totalRows: 7,
    });
    expect(draft.headers[0]).toBe("Sähköposti");
    const preview = await previewImport(h.db, draft, 3);
    expect(preview?.map((r) => r.values[2])).toEqual(["Meikäläinen", "Mäkelä", "Osoite"]);

    await startImport(h.db, ctx.org.id, ctx.actor, draft.id, {
      ...DEFAULT_START,
      mapping: autoMapping(draft.headers),
    });
    const queued = await h.db.select().from(jobs).where(eq(jobs.dedupeKey, draft.id));
    expect(queued).toHaveLength(1);
    const done = (await runImport(h, ctx.org.id, draft.id))!;
    expect(done).toMatchObject({
      status: "done",
      totalRows: 7,
      processedRows: 7,
      insertedRows: 3,
      updatedRows: 0,
      unchangedRows: 0,
      rejectedRows: 4,
      suppressedRows: 0,
    });
    const rows = await registerContacts(ctx.register.id);
    expect(rows.map((c) => [c.email, c.lastName, c.data])).toEqual([
      [
        "jussi@example.fi",
        "Öhman",
        { kaupunki: "Helsinki", kiinnostuksen_kohteet: ["Golf"], pisteet: 1000 },
      ],
      [
        "liisa@example.fi",
        "Mäkelä",
        {
          kaupunki: "Hämeenlinna",
          kiinnostuksen_kohteet: ["Purjehdus"],
          syntymapaiva: "1990-01-01",
          pisteet: 10,
        },
      ],
      [
        "matti.meikalainen@example.fi",
        "Meikäläinen",
        {
          kaupunki: "Helsinki",
          kiinnostuksen_kohteet: ["Golf", "Tennis"],
          syntymapaiva: "1980-05-17",
          pisteet: 3.5,
        },
      ],
    ]);
    const report = await reportPreview(h.db, done);
    expect(report).toEqual([
      {
        row: "4",
        reason: 'Sarakkeen "Sähköposti" arvo ei ole kelvollinen sähköpostiosoite.',
        values: ["ei-osoite", "Väärä", "Osoite", "Oulu"],
      },
      {
        row: "5",
        reason: 'Sarakkeen "Kiinnostuksen kohteet" arvo ei ole sallittu vaihtoehto.',
        values: ["aino@example.fi", "Aino", "Äijälä", "Turku", "Sulkapallo"],
      },
      {
        row: "6",
        reason: "Sama sähköpostiosoite on jo rivillä 2.",
        values: ["MATTI.meikalainen@example.fi", "Matti", "Tupla", "Espoo"],
      },
      {
        row: "7",
        reason: 'Sarakkeen "Syntymäpäivä" arvo ei ole päivämäärä (esim. 31.12.2025).',
        values: ["pekka@example.fi", "Pekka", "Päiväys", "Vantaa", "", "31.2.2000"],
      },
    ]);
    // The report file is UTF-8 with a BOM and semicolons, for Excel.
    const chunks: Buffer[] = [];
    for await (const c of readFile(h.db, ctx.org.id, done.reportFileId!)) chunks.push(c);
    const text = Buffer.concat(chunks).toString("utf8");
    expect(text.startsWith("\uFEFFRivi;Syy;Sähköposti;")).toBe(true);
    const audit = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, ctx.org.id), eq(auditLog.action, "import.completed")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ targetName: "asiakkaat.csv", count: 3 });
    expect(await listImports(h.db, ctx.org.id, ctx.register.id)).toMatchObject([
      { id: draft.id, status: "done" },
    ]);
    // The staging and match tables are gone.
    const stage = stageTable(draft.id);
    const [t] = await queryRows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from pg_tables where tablename in (${stage}, ${matchTable(stage)})`,
    );
    expect(Number(t!.n)).toBe(0);
  });

  it("imports the first sheet of an .xlsx workbook", async () => {
    const ctx = await orgWith();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Asiakkaat");
    ws.addRow(["Email", "Mobile", "First name", "Syntymäpäivä", "Pisteet"]);
    ws.addRow(["a@example.fi", "040 123 4567", "Anna", new Date(Date.UTC(1985, 2, 4)), 7]);
    ws.addRow(["b@example.fi", "", "Bertta", "", 1.25]);
    ws.addRow(["", "", "Ei osoitetta", "", ""]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const draft = await createImportFromUpload(
      h.db,
      ctx.org.id,
      ctx.actor,
      ctx.register.id,
      "asiakkaat.xlsx",
      chunked(bytes),
    );
    expect(draft).toMatchObject({ format: "xlsx", encoding: null });
    expect(draft.headers).toEqual(["Email", "Mobile", "First name", "Syntymäpäivä", "Pisteet"]);
    await startImport(h.db, ctx.org.id, ctx.actor, draft.id, {
      ...DEFAULT_START,
      mapping: {
        "0": "email",
        "1": "phone",
        "2": "firstName",
        "3": "c:syntymapaiva",
        "4": "c:pisteet",
      },
    });
    const done = (await runImport(h, ctx.org.id, draft.id))!;
    expect(done).toMatchObject({ status: "done", insertedRows: 2, rejectedRows: 1, totalRows: 3 });
    const rows = await registerContacts(ctx.register.id);
    expect(rows.map((c) => [c.email, c.phone, c.firstName, c.data])).toEqual([
      ["a@example.fi", "+358401234567", "Anna", { syntymapaiva: "1985-03-04", pisteet: 7 }],
      ["b@example.fi", null, "Bertta", { pisteet: 1.25 }],
    ]);
    expect(await reportPreview(h.db, done)).toMatchObject([
      { row: "4", reason: "Rivillä ei ole sähköpostiosoitetta eikä puhelinnumeroa." },
    ]);
  });

  it("add, update and add-and-update modes; a second identical import changes nothing", async () => {
    const ctx = await orgWith();
    const first = "Sähköposti;Etunimi;Kaupunki\na@x.fi;Anna;Oulu\nb@x.fi;Bertta;Turku\n";
    const r1 = await importBytes(ctx, "1.csv", Buffer.from(first), { mode: "add" });
    expect(r1).toMatchObject({ insertedRows: 2, updatedRows: 0, unchangedRows: 0 });

    // Add mode skips existing contacts (unchanged) and adds new ones.
    const second = "Sähköposti;Etunimi;Kaupunki\na@x.fi;Anja;Oulu\nc@x.fi;Cecilia;Espoo\n";
    const r2 = await importBytes(ctx, "2.csv", Buffer.from(second), { mode: "add" });
    expect(r2).toMatchObject({ insertedRows: 1, updatedRows: 0, unchangedRows: 1 });
    expect((await registerContacts(ctx.register.id))[0]!.firstName).toBe("Anna");

    // Update mode changes existing ones and turns away rows without a contact.
    const third = "Sähköposti;Etunimi;Kaupunki\nA@X.FI;Anja;\nd@x.fi;Doris;Vaasa\n";
    const r3 = await importBytes(ctx, "3.csv", Buffer.from(third), { mode: "update" });
    expect(r3).toMatchObject({ insertedRows: 0, updatedRows: 1, rejectedRows: 1 });
    expect(await reportPreview(h.db, r3)).toMatchObject([
      {
        row: "3",
        reason: "Rekisterissä ei ole tätä yhteystietoa (tila: vain päivitys).",
        values: ["d@x.fi", "Doris", "Vaasa"],
      },
    ]);
    const anja = (await registerContacts(ctx.register.id)).find((c) => c.email?.startsWith("A"));
    // The e-mail is written as the file has it; an empty cell did not clear the city.
    expect(anja).toMatchObject({ email: "A@x.fi", firstName: "Anja", data: { kaupunki: "Oulu" } });

    // Add-and-update, twice: the second run inserts and updates nothing and touches no row.
    const fourth = "Sähköposti;Etunimi;Kaupunki\na@x.fi;Anna;Oulu\ne@x.fi;Eeva;Pori\n";
    const r4 = await importBytes(ctx, "4.csv", Buffer.from(fourth), { mode: "upsert" });
    expect(r4).toMatchObject({ insertedRows: 1, updatedRows: 1, unchangedRows: 0 });
    const before = await registerContacts(ctx.register.id);
    // Contacts an import adds get time-ordered ids (UUID version 7), staged or loaded directly.
    for (const c of before) expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab]/);
    const r5 = await importBytes(ctx, "4.csv", Buffer.from(fourth), { mode: "upsert" });
    expect(r5).toMatchObject({
      insertedRows: 0,
      updatedRows: 0,
      unchangedRows: 2,
      rejectedRows: 0,
    });
    expect(await registerContacts(ctx.register.id)).toEqual(before);
    expect(before).toHaveLength(4);
  });

  it("update mode on an empty register turns every row away with a reason", async () => {
    const ctx = await orgWith();
    const r = await importBytes(ctx, "u.csv", Buffer.from("email\na@x.fi\nb@x.fi\n"), {
      mapping: { "0": "email" },
      mode: "update",
    });
    expect(r).toMatchObject({ insertedRows: 0, updatedRows: 0, rejectedRows: 2 });
    expect((await reportPreview(h.db, r)).map((x) => [x.row, x.values])).toEqual([
      ["2", ["a@x.fi"]],
      ["3", ["b@x.fi"]],
    ]);
    expect(await registerContacts(ctx.register.id)).toEqual([]);
  });

  it("matches by phone, refuses an address owned by another contact", async () => {
    const ctx = await orgWith();
    await importBytes(
      ctx,
      "1.csv",
      Buffer.from("email;phone;etunimi\na@x.fi;0401111111;A\nb@x.fi;0402222222;B\n"),
      { mapping: { "0": "email", "1": "phone", "2": "firstName" } },
    );
    const r = await importBytes(
      ctx,
      "2.csv",
      Buffer.from(
        "email;phone;etunimi\n;+358 40 111 1111;Aa\nb@x.fi;0403333333;Bb\nc@x.fi;0402222222;C\n",
      ),
      { mapping: { "0": "email", "1": "phone", "2": "firstName" }, dedupe: "email_phone" },
    );
    expect(r).toMatchObject({ insertedRows: 0, updatedRows: 2, rejectedRows: 1 });
    expect(await reportPreview(h.db, r)).toMatchObject([
      // Row 4 matches B by phone, but row 3 already updates B (matched by e-mail).
      { row: "4", reason: "Toinen tiedoston rivi osuu jo samaan yhteystietoon." },
    ]);
    const rows = await registerContacts(ctx.register.id);
    expect(rows.map((c) => [c.email, c.phone, c.firstName])).toEqual([
      ["a@x.fi", "+358401111111", "Aa"],
      ["b@x.fi", "+358403333333", "Bb"],
    ]);
    // Recognised by e-mail only: a new address with A's phone number cannot be added.
    const r2 = await importBytes(ctx, "3.csv", Buffer.from("email;phone\nd@x.fi;0401111111\n"), {
      mapping: { "0": "email", "1": "phone" },
      dedupe: "email",
    });
    expect(r2).toMatchObject({ insertedRows: 0, rejectedRows: 1 });
    expect(await reportPreview(h.db, r2)).toMatchObject([
      { row: "2", reason: "Puhelinnumero kuuluu jo toiselle rekisterin yhteystiedolle." },
    ]);
  });

  it("turns away each kind of clash in every mode, with its reason", async () => {
    const ctx = await orgWith();
    const cols = { mapping: { "0": "email", "1": "phone", "2": "firstName" } };
    await importBytes(
      ctx,
      "1.csv",
      Buffer.from("email;phone;etunimi\na@x.fi;0401111111;A\nb@x.fi;0402222222;B\n"),
      cols,
    );
    const reasons = async (r: Awaited<ReturnType<typeof importBytes>>) =>
      (await reportPreview(h.db, r)).map((x) => [x.row, x.reason]);
    // Add mode recognising e-mail only: A's row is skipped (unchanged); a new address with B's
    // phone is refused.
    const add = await importBytes(
      ctx,
      "2.csv",
      Buffer.from("email;phone;etunimi\na@x.fi;;A2\nc@x.fi;0402222222;C\nd@x.fi;;D\n"),
      { ...cols, mode: "add", dedupe: "email" },
    );
    expect(add).toMatchObject({ insertedRows: 1, unchangedRows: 1, rejectedRows: 1 });
    expect(await reasons(add)).toEqual([
      ["3", "Puhelinnumero kuuluu jo toiselle rekisterin yhteystiedolle."],
    ]);
    // Update mode recognising e-mail only: B's phone on an unknown address is not B.
    const upd = await importBytes(
      ctx,
      "3.csv",
      Buffer.from("email;phone;etunimi\nx@x.fi;0402222222;X\nb@x.fi;;B2\n"),
      { ...cols, mode: "update", dedupe: "email" },
    );
    expect(upd).toMatchObject({ insertedRows: 0, updatedRows: 1, rejectedRows: 1 });
    expect(await reasons(upd)).toEqual([
      ["2", "Rekisterissä ei ole tätä yhteystietoa (tila: vain päivitys)."],
    ]);
    // Add-and-update: A's e-mail with B's phone, and B's e-mail with A's phone, are both refused.
    const ups = await importBytes(
      ctx,
      "4.csv",
      Buffer.from("email;phone;etunimi\na@x.fi;0402222222;A3\nb@x.fi;0401111111;B3\n"),
      { ...cols, mode: "upsert" },
    );
    expect(ups).toMatchObject({ insertedRows: 0, updatedRows: 0, rejectedRows: 2 });
    expect(await reasons(ups)).toEqual([
      ["2", "Puhelinnumero kuuluu jo toiselle rekisterin yhteystiedolle."],
      ["3", "Puhelinnumero kuuluu jo toiselle rekisterin yhteystiedolle."],
    ]);
    // Recognised by phone only: A's number with B's address is A, but the address is B's.
    const byPhone = await importBytes(
      ctx,
      "5.csv",
      Buffer.from("email;phone;etunimi\nb@x.fi;0401111111;A4\n"),
      { ...cols, mode: "upsert", dedupe: "phone" },
    );
    expect(await reasons(byPhone)).toEqual([
      ["2", "Sähköpostiosoite kuuluu jo toiselle rekisterin yhteystiedolle."],
    ]);
    const rows = await registerContacts(ctx.register.id);
    expect(rows.map((c) => [c.email, c.phone, c.firstName])).toEqual([
      ["a@x.fi", "+358401111111", "A"],
      ["b@x.fi", "+358402222222", "B2"],
      ["d@x.fi", null, "D"],
    ]);
  });

  it("reports a suppressed address and never re-subscribes it; subscribes new contacts", async () => {
    const ctx = await orgWith();
    const blocked = "Kielto@Example.fi";
    await h.db.insert(suppressions).values({
      orgId: ctx.org.id,
      channel: "email",
      hash: addressHash("email", normalizeAddress("email", blocked)!),
      value: blocked,
      reason: "unsubscribe",
    });
    const csv = "Sähköposti;Puhelin\nkielto@example.fi;\nok@example.fi;040 765 4321\n";
    const r = await importBytes(ctx, "s.csv", Buffer.from(csv), {
      mapping: { "0": "email", "1": "phone" },
      consent: "subscribed",
    });
    expect(r).toMatchObject({ insertedRows: 1, suppressedRows: 1, rejectedRows: 0 });
    expect(await reportPreview(h.db, r)).toEqual([
      {
        row: "2",
        reason: "Osoite on estolistalla, eikä sitä tuoda uudelleen.",
        values: ["kielto@example.fi"],
      },
    ]);
    const rows = await registerContacts(ctx.register.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ emailStatus: "subscribed", smsStatus: "subscribed" });
    const events = await h.db
      .select()
      .from(consentEvents)
      .where(eq(consentEvents.contactId, rows[0]!.id))
      .orderBy(asc(consentEvents.channel));
    expect(events.map((e) => [e.channel, e.action, e.source])).toEqual([
      ["email", "subscribe", "import"],
      ["sms", "subscribe", "import"],
    ]);
  });

  it("a failure before commit leaves contacts untouched and the import failed", async () => {
    const ctx = await orgWith();
    await importBytes(ctx, "1.csv", Buffer.from("email;etunimi\na@x.fi;A\n"), {
      mapping: { "0": "email", "1": "firstName" },
    });
    const before = await registerContacts(ctx.register.id);
    const draft = await createImportFromUpload(
      h.db,
      ctx.org.id,
      ctx.actor,
      ctx.register.id,
      "2.csv",
      chunked(Buffer.from("email;etunimi\na@x.fi;Muutettu\nb@x.fi;B\n")),
    );
    await startImport(h.db, ctx.org.id, ctx.actor, draft.id, {
      ...DEFAULT_START,
      mapping: { "0": "email", "1": "firstName" },
    });
    const failed = await runImport(h, ctx.org.id, draft.id, {
      beforeCommit: () => {
        throw new Error("injected");
      },
    });
    expect(failed).toMatchObject({
      status: "failed",
      error: "import.errors.FAILED",
      reportFileId: null,
    });
    expect(await registerContacts(ctx.register.id)).toEqual(before);
    // A failed import is not run again by a retried job.
    expect(await runImport(h, ctx.org.id, draft.id)).toMatchObject({ status: "failed" });
    expect(await registerContacts(ctx.register.id)).toEqual(before);
    // "Try again" queues it with the same file and mapping; this time it goes through.
    await retryImport(h.db, ctx.org.id, ctx.actor, draft.id);
    expect(await runImport(h, ctx.org.id, draft.id)).toMatchObject({
      status: "done",
      insertedRows: 1,
      updatedRows: 1,
      error: null,
    });
    await expect(retryImport(h.db, ctx.org.id, ctx.actor, draft.id)).rejects.toMatchObject({
      userMessage: "import.errors.NOT_FAILED",
    });
  });

  it("a first import into an empty register that fails before commit leaves it empty", async () => {
    // On PostgreSQL this import loads straight into contacts (no staging table) in a transaction
    // that stays open until the counters and audit are written; a failure rolls all of it back.
    const ctx = await orgWith();
    const draft = await createImportFromUpload(
      h.db,
      ctx.org.id,
      ctx.actor,
      ctx.register.id,
      "1.csv",
      chunked(Buffer.from("email;etunimi\na@x.fi;A\nb@x.fi;B\n")),
    );
    await startImport(h.db, ctx.org.id, ctx.actor, draft.id, {
      ...DEFAULT_START,
      mapping: { "0": "email", "1": "firstName" },
      consent: "subscribed",
    });
    const failed = await runImport(h, ctx.org.id, draft.id, {
      beforeCommit: () => {
        throw new Error("injected");
      },
    });
    expect(failed).toMatchObject({ status: "failed", error: "import.errors.FAILED" });
    expect(await registerContacts(ctx.register.id)).toEqual([]);
    const left = await h.db
      .select()
      .from(consentEvents)
      .where(eq(consentEvents.registerId, ctx.register.id));
    expect(left).toEqual([]);
    expect(
      await countFilter(h.db, ctx.org.id, ctx.register.id, {
        type: "group",
        op: "and",
        children: [],
      }),
    ).toBe(0);
    await retryImport(h.db, ctx.org.id, ctx.actor, draft.id);
    expect(await runImport(h, ctx.org.id, draft.id)).toMatchObject({
      status: "done",
      insertedRows: 2,
    });
    const rows = await registerContacts(ctx.register.id);
    expect(rows.map((r) => [r.email, r.firstName, r.emailStatus])).toEqual([
      ["a@x.fi", "A", "subscribed"],
      ["b@x.fi", "B", "subscribed"],
    ]);
    expect(
      await countFilter(h.db, ctx.org.id, ctx.register.id, {
        type: "group",
        op: "and",
        children: [{ type: "cond", field: "emailStatus", operator: "is", value: "subscribed" }],
      }),
    ).toBe(2);
  });

  it("a contact added between matching and merging fails the import cleanly", async () => {
    const ctx = await orgWith();
    await importBytes(ctx, "1.csv", Buffer.from("email\nold@x.fi\n"), {
      mapping: { "0": "email" },
    });
    const draft = await createImportFromUpload(
      h.db,
      ctx.org.id,
      ctx.actor,
      ctx.register.id,
      "2.csv",
      chunked(Buffer.from("email\nnew@x.fi\n")),
    );
    await startImport(h.db, ctx.org.id, ctx.actor, draft.id, {
      ...DEFAULT_START,
      mapping: { "0": "email" },
    });
    const failed = await runImport(h, ctx.org.id, draft.id, {
      // Someone adds the same address after the import matched its rows.
      beforeMerge: async () => {
        await h.db
          .insert(contacts)
          .values({ orgId: ctx.org.id, registerId: ctx.register.id, email: "new@x.fi" });
      },
    });
    expect(failed).toMatchObject({ status: "failed", error: "import.errors.CONFLICT" });
    expect((await registerContacts(ctx.register.id)).map((c) => c.email)).toEqual([
      "new@x.fi",
      "old@x.fi",
    ]);
  });

  it("a job run twice, or rerun after a crash mid-run, adds no duplicates", async () => {
    const ctx = await orgWith();
    const draft = await createImportFromUpload(
      h.db,
      ctx.org.id,
      ctx.actor,
      ctx.register.id,
      "1.csv",
      chunked(Buffer.from("email\na@x.fi\nb@x.fi\n")),
    );
    await startImport(h.db, ctx.org.id, ctx.actor, draft.id, {
      ...DEFAULT_START,
      mapping: { "0": "email" },
    });
    // A crash after staging: the status says running, half-filled staging and match tables are left.
    await h.db.update(imports).set({ status: "running" }).where(eq(imports.id, draft.id));
    await h.db.execute(sql.raw(`create table ${stageTable(draft.id)} (junk int)`));
    await h.db.execute(sql.raw(`create table ${matchTable(stageTable(draft.id))} (junk int)`));
    expect(await runImport(h, ctx.org.id, draft.id)).toMatchObject({
      status: "done",
      insertedRows: 2,
    });
    expect(await runImport(h, ctx.org.id, draft.id)).toMatchObject({
      status: "done",
      insertedRows: 2,
    });
    expect(await registerContacts(ctx.register.id)).toHaveLength(2);
  });

  it("an import whose upload has expired fails with a message and changes nothing", async () => {
    const ctx = await orgWith();
    const draft = await createImportFromUpload(
      h.db,
      ctx.org.id,
      ctx.actor,
      ctx.register.id,
      "vanha.csv",
      chunked(Buffer.from("email\na@x.fi\n")),
    );
    await startImport(h.db, ctx.org.id, ctx.actor, draft.id, {
      ...DEFAULT_START,
      mapping: { "0": "email" },
    });
    await h.db.update(imports).set({ fileId: null }).where(eq(imports.id, draft.id));
    expect(await runImport(h, ctx.org.id, draft.id)).toMatchObject({
      status: "failed",
      error: "import.errors.FILE_EXPIRED",
    });
    expect(await registerContacts(ctx.register.id)).toEqual([]);
    await expect(retryImport(h.db, ctx.org.id, ctx.actor, draft.id)).rejects.toMatchObject({
      userMessage: "import.errors.FILE_EXPIRED",
    });
  });

  it("refuses bad files with a clear message and keeps nothing", async () => {
    const ctx = await orgWith();
    const up = (name: string, bytes: Buffer) =>
      createImportFromUpload(h.db, ctx.org.id, ctx.actor, ctx.register.id, name, chunked(bytes));
    await expect(up("tyhja.csv", Buffer.alloc(0))).rejects.toMatchObject({
      userMessage: "import.errors.EMPTY_FILE",
    });
    await expect(up("rivit.csv", Buffer.from("\n\n  \n"))).rejects.toMatchObject({
      userMessage: "import.errors.EMPTY_FILE",
    });
    await expect(
      up("vanha.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2])),
    ).rejects.toMatchObject({
      userMessage: "import.errors.UNSUPPORTED",
    });
    await expect(
      up("kuva.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])),
    ).rejects.toMatchObject({
      userMessage: "import.errors.UNSUPPORTED",
    });
    await expect(up("rikki.xlsx", Buffer.from("not a zip"))).rejects.toMatchObject({
      userMessage: "import.errors.NOT_XLSX",
    });
    const [n] = await queryRows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from stored_files where org_id = ${ctx.org.id}`,
    );
    expect(Number(n!.n)).toBe(0);
  });

  it("refuses a mapping without an address column or with a target twice", async () => {
    const ctx = await orgWith();
    const draft = await createImportFromUpload(
      h.db,
      ctx.org.id,
      ctx.actor,
      ctx.register.id,
      "1.csv",
      chunked(Buffer.from("a;b\nx@y.fi;z\n")),
    );
    await expect(
      startImport(h.db, ctx.org.id, ctx.actor, draft.id, {
        ...DEFAULT_START,
        mapping: { "1": "firstName" },
      }),
    ).rejects.toMatchObject({ userMessage: "import.mapping.NO_ADDRESS" });
    await expect(
      startImport(h.db, ctx.org.id, ctx.actor, draft.id, {
        ...DEFAULT_START,
        mapping: { "0": "email", "1": "email" },
      }),
    ).rejects.toMatchObject({ userMessage: "import.mapping.TWICE" });
    expect((await getImportOrThrow(h.db, ctx.org.id, draft.id)).status).toBe("draft");
  });
});

describe("imports across organisations and roles", () => {
  it("cannot upload into, start, read or run another organisation's import", async () => {
    const a = await orgWith();
    const b = await orgWith();
    // B's user uploading into A's register: A's register does not exist for B.
    await expect(
      createImportFromUpload(
        h.db,
        b.org.id,
        b.actor,
        a.register.id,
        "x.csv",
        chunked(Buffer.from("email\na@x.fi\n")),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // B's user naming A's organisation is not a member there.
    await expect(
      createImportFromUpload(
        h.db,
        a.org.id,
        b.actor,
        a.register.id,
        "x.csv",
        chunked(Buffer.from("email\na@x.fi\n")),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const draft = await createImportFromUpload(
      h.db,
      a.org.id,
      a.actor,
      a.register.id,
      "x.csv",
      chunked(Buffer.from("email\na@x.fi\n")),
    );
    await expect(getImportOrThrow(h.db, b.org.id, draft.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      startImport(h.db, b.org.id, b.actor, draft.id, {
        ...DEFAULT_START,
        mapping: { "0": "email" },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await runImport(h, b.org.id, draft.id)).toBeNull();
    expect(await listImports(h.db, b.org.id, a.register.id)).toEqual([]);
    // The report/upload file is read only within its organisation.
    const read = async () => {
      for await (const _ of readFile(h.db, b.org.id, draft.fileId!)) void _;
    };
    await expect(read()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a viewer can neither upload nor start an import", async () => {
    const main = await orgWith();
    const viewer = await createUser(h.db, { orgId: main.org.id, role: "viewer" });
    const v = { userId: viewer.id, userEmail: viewer.email, ip: "203.0.113.9" };
    await expect(
      createImportFromUpload(
        h.db,
        main.org.id,
        v,
        main.register.id,
        "x.csv",
        chunked(Buffer.from("email\na@x.fi\n")),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const draft = await createImportFromUpload(
      h.db,
      main.org.id,
      main.actor,
      main.register.id,
      "x.csv",
      chunked(Buffer.from("email\na@x.fi\n")),
    );
    await expect(
      startImport(h.db, main.org.id, v, draft.id, { ...DEFAULT_START, mapping: { "0": "email" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
