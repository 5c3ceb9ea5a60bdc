import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { contacts, publicTokens, registers } from "@/db/schema";
import { queryRows } from "@/db";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg, createUser } from "@/db/seed/factories";
import { listConsentHistory } from "@/lib/consent/ledger";
import { isSuppressed } from "@/lib/consent/suppressions";
import { addColumn } from "@/lib/registers/columns";
import { createRegister } from "@/lib/registers/registers";
import { embedFormHtml } from "./embed";
import { checkFillTime, signedFillStamp } from "./fill-time";
import { confirmJoin, loadEditLink, saveEditLink } from "./links";
import { requestEditLink, submitJoin, submitLeave } from "./join";
import { joinFields } from "./register";
import { updatePublicForms } from "./settings";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

const rand = () => Math.random().toString(36).slice(2, 10);
const T0 = new Date("2026-03-02T10:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);
const SLOW = "e5000";

async function setup(opts: { doubleOptIn?: boolean } = {}) {
  const org = await createOrg(h.db);
  const main = await createUser(h.db, { orgId: org.id, role: "main" });
  const actor = { userId: main.id, userEmail: main.email };
  const reg = await createRegister(h.db, org.id, actor, {
    name: `Uutiskirje ${rand()}`,
    columns: [],
  });
  await addColumn(h.db, org.id, actor, reg.id, {
    label: "Kiinnostukset",
    type: "multi_choice",
    options: ["golf", "tennis"],
  });
  await updatePublicForms(h.db, org.id, actor, reg.id, {
    publicJoin: true,
    doubleOptIn: opts.doubleOptIn ?? true,
    joinColumns: ["firstName", "kiinnostukset"],
    consentWording: "Haluan uutiskirjeen sähköpostiini.",
  });
  const [r] = await h.db.select().from(registers).where(eq(registers.id, reg.id));
  return { org, reg: r!, actor, ip: `203.0.113.${Math.floor(Math.random() * 250)}-${rand()}` };
}

/** The queued e-mails to an address (the job payloads the transport would send). */
const mailsTo = (to: string) =>
  queryRows<{ payload: { to: string; subject: string; text: string; html: string } }>(
    h.db,
    sql`select payload from jobs where name = 'email/message.requested' and payload->>'to' = ${to} order by id`,
  );
const linkIn = (text: string, kind: "c" | "e") =>
  new RegExp(`/p/r/${kind}/([A-Za-z0-9_-]+)`).exec(text)?.[1] ?? "";

const joinFieldsOf = (email: string, extra: Record<string, string[]> = {}) => ({
  email: [email],
  firstName: ["Maija"],
  c_kiinnostukset: ["golf"],
  consent: ["yes"],
  t: [SLOW],
  website: [""],
  ...extra,
});

describe("public join with double opt-in", () => {
  it("join → pending + one confirmation mail without typed text → confirm once → subscribed", async () => {
    const { org, reg, ip } = await setup();
    const email = `maija.${rand()}@example.fi`;
    const typed = "<b>Osta halpaa</b> http://spam.example";
    const out = await submitJoin(h.db, {
      key: reg.publicKey,
      ip,
      locale: "fi",
      now: T0,
      fields: joinFieldsOf(email, { firstName: [typed] }),
    });
    expect(out.doubleOptIn).toBe(true);
    const [c] = await h.db.select().from(contacts).where(eq(contacts.email, email));
    expect(c!.emailStatus).toBe("pending");
    expect(c!.data).toEqual({ kiinnostukset: ["golf"] });
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    const m = mails[0]!.payload;
    expect(m.subject).toContain(reg.name);
    for (const part of [m.subject, m.text, m.html]) {
      expect(part).not.toContain("Osta halpaa");
      expect(part).not.toContain("spam.example");
    }
    const token = linkIn(m.text, "c");
    expect(token).not.toBe("");
    // Joining again within 24 h sends no second mail.
    await submitJoin(h.db, {
      key: reg.publicKey,
      ip,
      locale: "fi",
      now: later(3600_000),
      fields: joinFieldsOf(email),
    });
    expect(await mailsTo(email)).toHaveLength(1);
    const ok = await confirmJoin(h.db, token, "198.51.100.9", later(7200_000));
    expect(ok).toMatchObject({ registerName: reg.name });
    expect(await confirmJoin(h.db, token, "198.51.100.9", later(7300_000))).toBeNull();
    const [after] = await h.db.select().from(contacts).where(eq(contacts.id, c!.id));
    expect(after!.emailStatus).toBe("subscribed");
    const history = await listConsentHistory(h.db, org.id, c!.id, { order: "asc" });
    expect(history.map((e) => `${e.action}:${e.source}:${e.ip}`)).toEqual([
      `subscribe:form:${ip}`,
      `subscribe:form:${ip}`,
      "confirm:link:198.51.100.9",
    ]);
    expect(history[0]!.wording).toBe("Haluan uutiskirjeen sähköpostiini.");
    // After 24 h a new join may send one more mail.
    await submitJoin(h.db, {
      key: reg.publicKey,
      ip,
      locale: "fi",
      now: later(25 * 3600_000),
      fields: joinFieldsOf(email),
    });
    expect(await mailsTo(email)).toHaveLength(1); // already subscribed: nothing to confirm
  });

  it("a confirmation link expires after 7 days", async () => {
    const { reg, ip } = await setup();
    const email = `x.${rand()}@example.fi`;
    await submitJoin(h.db, {
      key: reg.publicKey,
      ip,
      locale: "en",
      now: T0,
      fields: joinFieldsOf(email),
    });
    const [m] = await mailsTo(email);
    expect(m!.payload.subject).toMatch(/^Confirm joining/);
    const token = linkIn(m!.payload.text, "c");
    expect(await confirmJoin(h.db, token, ip, later(7 * 86_400_000 + 1000))).toBeNull();
    const [c] = await h.db.select().from(contacts).where(eq(contacts.email, email));
    expect(c!.emailStatus).toBe("pending");
  });

  it("without double opt-in a join subscribes at once and mails nothing", async () => {
    const { reg, ip } = await setup({ doubleOptIn: false });
    const email = `y.${rand()}@example.fi`;
    const out = await submitJoin(h.db, {
      key: reg.publicKey,
      ip,
      locale: "fi",
      now: T0,
      fields: joinFieldsOf(email),
    });
    expect(out.doubleOptIn).toBe(false);
    const [c] = await h.db.select().from(contacts).where(eq(contacts.email, email));
    expect(c!.emailStatus).toBe("subscribed");
    expect(await mailsTo(email)).toHaveLength(0);
  });

  it("an existing contact's values are not changed by an unverified join", async () => {
    const { reg, ip } = await setup();
    const email = `z.${rand()}@example.fi`;
    await submitJoin(h.db, {
      key: reg.publicKey,
      ip,
      locale: "fi",
      now: T0,
      fields: joinFieldsOf(email),
    });
    await submitJoin(h.db, {
      key: reg.publicKey,
      ip,
      locale: "fi",
      now: T0,
      fields: joinFieldsOf(email, { firstName: ["Hyökkääjä"] }),
    });
    const [c] = await h.db.select().from(contacts).where(eq(contacts.email, email));
    expect(c!.firstName).toBe("Maija");
  });
});

describe("bot protection and validation", () => {
  it("the honeypot is accepted silently: nothing stored, nothing mailed", async () => {
    const { reg, ip } = await setup();
    const email = `bot.${rand()}@example.fi`;
    const out = await submitJoin(h.db, {
      key: reg.publicKey,
      ip,
      locale: "fi",
      now: T0,
      fields: joinFieldsOf(email, { website: ["http://x"] }),
    });
    expect(out.doubleOptIn).toBe(true);
    expect(await h.db.select().from(contacts).where(eq(contacts.email, email))).toHaveLength(0);
    expect(await mailsTo(email)).toHaveLength(0);
  });

  it("refuses a too fast or timeless submission, and checks signed stamps", async () => {
    const { reg, ip } = await setup();
    const email = `fast.${rand()}@example.fi`;
    for (const t of ["e1200", "", "s123.forged"])
      await expect(
        submitJoin(h.db, {
          key: reg.publicKey,
          ip,
          locale: "fi",
          now: T0,
          fields: joinFieldsOf(email, { t: [t] }),
        }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", userMessage: "publicForms.errors.tooFast" });
    expect(await h.db.select().from(contacts).where(eq(contacts.email, email))).toHaveLength(0);
    const stamp = signedFillStamp(T0);
    expect(checkFillTime(stamp, later(1000))).toBe("tooFast");
    expect(checkFillTime(stamp, later(4000))).toBe("ok");
    expect(checkFillTime(stamp.replace(/^s\d/, "s9"), later(4000))).toBe("tooFast");
  });

  it("validates every value and the consent box, with field errors", async () => {
    const { reg, ip } = await setup();
    await expect(
      submitJoin(h.db, {
        key: reg.publicKey,
        ip,
        locale: "fi",
        now: T0,
        fields: joinFieldsOf(`v.${rand()}@example.fi`, {
          c_kiinnostukset: ["golf", "curling"],
          consent: [""],
        }),
      }),
    ).rejects.toMatchObject({ fieldErrors: { c_kiinnostukset: ["registers.values.choice"] } });
    await expect(
      submitJoin(h.db, {
        key: reg.publicKey,
        ip,
        locale: "fi",
        now: T0,
        fields: joinFieldsOf(`v.${rand()}@example.fi`, { consent: [""] }),
      }),
    ).rejects.toMatchObject({ fieldErrors: { consent: ["publicForms.errors.consentRequired"] } });
    await expect(
      submitJoin(h.db, {
        key: reg.publicKey,
        ip,
        locale: "fi",
        now: T0,
        fields: joinFieldsOf("not-an-address"),
      }),
    ).rejects.toMatchObject({ fieldErrors: { email: ["registers.values.email"] } });
  });

  it("rate-limits per address and per IP", async () => {
    const { reg, ip } = await setup();
    const email = `rl.${rand()}@example.fi`;
    for (let i = 0; i < 5; i++)
      await submitLeave(h.db, {
        key: reg.publicKey,
        ip: `${ip}-${i}`,
        locale: "fi",
        now: T0,
        fields: { email: [email], t: [SLOW] },
      });
    await expect(
      submitLeave(h.db, {
        key: reg.publicKey,
        ip: `${ip}-x`,
        locale: "fi",
        now: T0,
        fields: { email: [email], t: [SLOW] },
      }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    for (let i = 0; i < 30; i++)
      await submitLeave(h.db, {
        key: reg.publicKey,
        ip,
        locale: "fi",
        now: T0,
        fields: { email: [`a${i}.${rand()}@example.fi`], t: [SLOW] },
      });
    await expect(
      submitLeave(h.db, {
        key: reg.publicKey,
        ip,
        locale: "fi",
        now: T0,
        fields: { email: [`b.${rand()}@example.fi`], t: [SLOW] },
      }),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("refuses unknown keys and registers that do not accept joining", async () => {
    const { org, reg, ip, actor } = await setup();
    await expect(
      submitJoin(h.db, {
        key: "no-such-key-000000",
        ip,
        locale: "fi",
        now: T0,
        fields: joinFieldsOf(`k.${rand()}@example.fi`),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      submitJoin(h.db, {
        key: reg.id,
        ip,
        locale: "fi",
        now: T0,
        fields: joinFieldsOf(`k.${rand()}@example.fi`),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await updatePublicForms(h.db, org.id, actor, reg.id, {
      publicJoin: false,
      doubleOptIn: true,
      joinColumns: [],
      consentWording: "",
    });
    await expect(
      submitJoin(h.db, {
        key: reg.publicKey,
        ip,
        locale: "fi",
        now: T0,
        fields: joinFieldsOf(`k.${rand()}@example.fi`),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("leave and edit", () => {
  it("leave → unsubscribed + suppression; unknown addresses get the same answer and change nothing", async () => {
    const { org, reg, ip } = await setup({ doubleOptIn: false });
    const email = `leave.${rand()}@example.fi`;
    await submitJoin(h.db, {
      key: reg.publicKey,
      ip,
      locale: "fi",
      now: T0,
      fields: joinFieldsOf(email),
    });
    expect(
      await submitLeave(h.db, {
        key: reg.publicKey,
        ip,
        locale: "fi",
        now: T0,
        fields: { email: [email.toUpperCase()], t: [SLOW] },
      }),
    ).toBeUndefined();
    const [c] = await h.db.select().from(contacts).where(eq(contacts.email, email));
    expect(c!.emailStatus).toBe("unsubscribed");
    expect(await isSuppressed(h.db, org.id, "email", email)).toBe(true);
    const [last] = await listConsentHistory(h.db, org.id, c!.id);
    expect([last!.action, last!.source, last!.ip]).toEqual(["unsubscribe", "form", ip]);
    expect(last!.wording).toContain(reg.name);
    const unknown = `nobody.${rand()}@example.fi`;
    expect(
      await submitLeave(h.db, {
        key: reg.publicKey,
        ip,
        locale: "fi",
        now: T0,
        fields: { email: [unknown], t: [SLOW] },
      }),
    ).toBeUndefined();
    expect(await isSuppressed(h.db, org.id, "email", unknown)).toBe(false);
    // Joining again with double opt-in off: the person asked again, the unsubscribe entry is lifted.
    await submitJoin(h.db, {
      key: reg.publicKey,
      ip,
      locale: "fi",
      now: T0,
      fields: joinFieldsOf(email),
    });
    expect(await isSuppressed(h.db, org.id, "email", email)).toBe(false);
  });

  it("edit link: mailed only for a known address, prefilled, saves with validation, e-mail fixed", async () => {
    const { org, reg, ip } = await setup({ doubleOptIn: false });
    const email = `edit.${rand()}@example.fi`;
    await submitJoin(h.db, {
      key: reg.publicKey,
      ip,
      locale: "fi",
      now: T0,
      fields: joinFieldsOf(email),
    });
    const unknown = `nobody.${rand()}@example.fi`;
    await requestEditLink(h.db, {
      key: reg.publicKey,
      ip,
      locale: "fi",
      now: T0,
      fields: { email: [unknown], t: [SLOW] },
    });
    expect(await mailsTo(unknown)).toHaveLength(0);
    await requestEditLink(h.db, {
      key: reg.publicKey,
      ip,
      locale: "fi",
      now: T0,
      fields: { email: [email], t: [SLOW] },
    });
    const [m] = await mailsTo(email);
    const token = linkIn(m!.payload.text, "e");
    const page = await loadEditLink(h.db, token, "fi", later(1000));
    expect(page!.email).toBe(email);
    expect(page!.values).toEqual({ firstName: "Maija", c_kiinnostukset: ["golf"] });
    await expect(
      saveEditLink(
        h.db,
        token,
        { firstName: ["Maija"], c_kiinnostukset: ["squash"] },
        ip,
        "fi",
        later(2000),
      ),
    ).rejects.toMatchObject({ fieldErrors: { c_kiinnostukset: ["registers.values.choice"] } });
    await saveEditLink(
      h.db,
      token,
      {
        firstName: ["Maija-Liisa"],
        c_kiinnostukset: ["golf", "tennis"],
        email: ["other@example.fi"],
      },
      ip,
      "fi",
      later(3000),
    );
    const [c] = await h.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.orgId, org.id), eq(contacts.registerId, reg.id)));
    expect([c!.email, c!.firstName, c!.data]).toEqual([
      email,
      "Maija-Liisa",
      { kiinnostukset: ["golf", "tennis"] },
    ]);
    expect(await loadEditLink(h.db, token, "fi", later(8 * 86_400_000))).toBeNull();
    await expect(
      saveEditLink(h.db, token, {}, ip, "fi", later(8 * 86_400_000)),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("cross-organisation", () => {
  it("one organisation's register key never reaches another organisation's contacts", async () => {
    const a = await setup({ doubleOptIn: false });
    const b = await setup({ doubleOptIn: false });
    const email = `shared.${rand()}@example.fi`;
    await submitJoin(h.db, {
      key: b.reg.publicKey,
      ip: b.ip,
      locale: "fi",
      now: T0,
      fields: joinFieldsOf(email),
    });
    // Leaving through A's key does not touch B's contact with the same address.
    await submitLeave(h.db, {
      key: a.reg.publicKey,
      ip: a.ip,
      locale: "fi",
      now: T0,
      fields: { email: [email], t: [SLOW] },
    });
    const [cb] = await h.db.select().from(contacts).where(eq(contacts.registerId, b.reg.id));
    expect(cb!.emailStatus).toBe("subscribed");
    expect(await isSuppressed(h.db, b.org.id, "email", email)).toBe(false);
    // Asking for an edit link through A's key mails nothing about B's contact.
    await requestEditLink(h.db, {
      key: a.reg.publicKey,
      ip: a.ip,
      locale: "fi",
      now: T0,
      fields: { email: [email], t: [SLOW] },
    });
    expect(await mailsTo(email)).toHaveLength(0);
    // Tokens are bound to their own organisation's contact.
    const tokens = await h.db.select().from(publicTokens).where(eq(publicTokens.orgId, a.org.id));
    expect(tokens).toHaveLength(0);
  });
});

describe("settings and form code", () => {
  it("only accepts the register's own columns and writes the chosen fields into the form code", async () => {
    const { org, reg, actor } = await setup();
    await expect(
      updatePublicForms(h.db, org.id, actor, reg.id, {
        publicJoin: true,
        doubleOptIn: true,
        joinColumns: ["nope"],
        consentWording: "x",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      updatePublicForms(h.db, org.id, actor, reg.id, {
        publicJoin: true,
        doubleOptIn: true,
        joinColumns: [],
        consentWording: " ",
      }),
    ).rejects.toMatchObject({
      fieldErrors: { consentWording: ["publicForms.errors.wordingRequired"] },
    });
    const other = await setup();
    await expect(
      updatePublicForms(h.db, other.org.id, other.actor, reg.id, {
        publicJoin: false,
        doubleOptIn: true,
        joinColumns: [],
        consentWording: "",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const fields = await joinFields(h.db, org.id, reg.id, "fi");
    expect(fields.map((f) => f.name)).toEqual(["email", "firstName", "c_kiinnostukset"]);
    const html = embedFormHtml({
      action: `https://app.example/p/r/${reg.publicKey}/submit/join`,
      fields,
      labels: { submit: "Liity", required: "*", yes: "Kyllä", honeypot: "Jätä tyhjäksi" },
      consentWording: reg.consentWording,
      idPrefix: "vk",
      lang: "fi",
    });
    expect(html).toContain(`action="https://app.example/p/r/${reg.publicKey}/submit/join"`);
    expect(html).toContain('name="website"');
    expect(html).toContain('name="t"');
    expect(html).toContain('name="c_kiinnostukset" value="golf"');
    expect(html).toContain("Haluan uutiskirjeen sähköpostiini.");
  });
});
