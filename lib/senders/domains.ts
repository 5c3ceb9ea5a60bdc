import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { sendingDomains } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import {
  checkDomainRecords,
  type DomainCheck,
  type ExpectedRecords,
  type TxtResolver,
} from "./dns-check";
import { dkimKeyForNewDomain, transportDkimKey } from "./dkim";
import type { AddDomainInput } from "./schemas";
import type { Actor } from "./senders";

export type DomainRow = typeof sendingDomains.$inferSelect;

/**
 * The SPF mechanism that authorises our transport: `include:<SPF_INCLUDE>` when configured, else
 * Resend's `include:amazonses.com`, the SMTP relay's own address (`a:<host>`) for SMTP, and the
 * app's host for the sandbox (which sends nothing; the record is only an example there).
 */
export function spfMechanism(): string {
  const e = env();
  if (e.SPF_INCLUDE) return `include:${e.SPF_INCLUDE}`;
  if (e.EMAIL_TRANSPORT === "resend") return "include:amazonses.com";
  if (e.EMAIL_TRANSPORT === "smtp" && e.SMTP_URL) return `a:${new URL(e.SMTP_URL).hostname}`;
  return `a:${new URL(e.APP_URL).hostname}`;
}

/** The three TXT records a domain publishes for us, with their DNS names. */
export function expectedRecords(
  d: Pick<DomainRow, "domain" | "dkimSelector" | "dkimPublicKey">,
): ExpectedRecords {
  const mechanism = spfMechanism();
  const publicKey = transportDkimKey()?.publicKey ?? d.dkimPublicKey ?? "";
  return {
    spf: { name: d.domain, value: `v=spf1 ${mechanism} ~all`, mechanism },
    dkim: {
      name: `${d.dkimSelector}._domainkey.${d.domain}`,
      value: `v=DKIM1; k=rsa; p=${publicKey}`,
      publicKey,
    },
    dmarc: { name: `_dmarc.${d.domain}`, value: `v=DMARC1; p=none; rua=mailto:dmarc@${d.domain}` },
  };
}

/** The organisation's sending domains with the records to publish and the last check. */
export async function listDomains(db: Db, orgId: string) {
  const rows = await db
    .select()
    .from(sendingDomains)
    .where(eq(sendingDomains.orgId, orgId))
    .orderBy(asc(sendingDomains.domain));
  return rows.map((d) => ({
    id: d.id,
    domain: d.domain,
    records: expectedRecords(d),
    lastCheck: (d.lastCheck ?? null) as DomainCheck | null,
    checkedAt: d.checkedAt,
  }));
}

async function getDomainOrThrow(db: Db, orgId: string, domainId: string) {
  const [row] = await db
    .select()
    .from(sendingDomains)
    .where(and(eq(sendingDomains.id, domainId), eq(sendingDomains.orgId, orgId)));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** Adds a sending domain with a DKIM key (see `dkimKeyForNewDomain`). Audited as `domain.added`. */
export async function addDomain(db: Db, orgId: string, actor: Actor, input: AddDomainInput) {
  const key = dkimKeyForNewDomain();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(sendingDomains)
      .values({
        orgId,
        domain: input.domain,
        dkimSelector: key.selector,
        dkimPublicKey: key.publicKey,
      })
      .onConflictDoNothing()
      .returning({ id: sendingDomains.id });
    if (!row)
      throw new AppError("CONFLICT", {
        userMessage: "senders.errors.domainDuplicate",
        fieldErrors: { domain: ["senders.errors.domainDuplicate"] },
      });
    await recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      actorEmail: actor.userEmail,
      action: "domain.added",
      targetType: "sending_domain",
      targetId: row.id,
      ip: actor.ip,
      details: { targetName: input.domain },
    });
    return row;
  });
}

/** Removes a sending domain of the organisation (editors and main users). Audited. */
export async function deleteDomain(db: Db, orgId: string, actor: Actor, domainId: string) {
  await db.transaction(async (tx) => {
    const d = await getDomainOrThrow(tx, orgId, domainId);
    await tx
      .delete(sendingDomains)
      .where(and(eq(sendingDomains.id, d.id), eq(sendingDomains.orgId, orgId)));
    await recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      actorEmail: actor.userEmail,
      action: "domain.deleted",
      targetType: "sending_domain",
      targetId: d.id,
      ip: actor.ip,
      details: { targetName: d.domain },
    });
  });
}

/**
 * Checks a domain's SPF, DKIM and DMARC records in DNS and stores the outcome in
 * `lastCheck`/`checkedAt`. Offline, it stores and returns `unavailable` rather than failing.
 */
export async function checkDomain(
  db: Db,
  orgId: string,
  domainId: string,
  resolve?: TxtResolver,
  now = new Date(),
): Promise<DomainCheck> {
  const d = await getDomainOrThrow(db, orgId, domainId);
  const result = await checkDomainRecords(d.domain, expectedRecords(d), resolve);
  await db
    .update(sendingDomains)
    .set({ lastCheck: result, checkedAt: now })
    .where(and(eq(sendingDomains.id, d.id), eq(sendingDomains.orgId, orgId)));
  return result;
}
