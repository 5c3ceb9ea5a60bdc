import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { organizations, registerPrivacy, registers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { LEGAL_BASES, type LegalBasis } from "./legal-bases";
import { authorizeActor, getRegisterOrThrow, listColumns, type Actor } from "./registers";

export { LEGAL_BASES, type LegalBasis };

const text = (max: number) => z.string().trim().max(max, { error: "errors.INVALID_INPUT" });
const required = (max: number, key: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `privacy.errors.${key}` })
    .max(max);

/**
 * The privacy-notice form (R9). Required are what a Finnish rekisteriseloste cannot do without:
 * controller, a way to reach them, purpose and retention.
 */
export const PrivacySchema = z.object({
  controllerName: required(200, "controllerRequired"),
  controllerBusinessId: text(20),
  controllerAddress: text(500),
  contactPerson: text(200),
  contactEmail: z
    .string()
    .trim()
    .max(320)
    .pipe(z.email({ error: "privacy.errors.contactEmail" })),
  purpose: required(4000, "purposeRequired"),
  legalBasis: z.enum(LEGAL_BASES),
  retention: required(2000, "retentionRequired"),
  sources: text(2000),
  recipients: text(2000),
  addressSource: text(500),
});
export type PrivacyInput = z.infer<typeof PrivacySchema>;
export type PrivacyNotice = typeof registerPrivacy.$inferSelect;

/** The register's notice as stored, or a draft prefilled from the organisation's details. */
export async function getPrivacyDraft(db: Db, orgId: string, registerId: string) {
  await getRegisterOrThrow(db, orgId, registerId);
  const [row] = await db
    .select()
    .from(registerPrivacy)
    .where(and(eq(registerPrivacy.orgId, orgId), eq(registerPrivacy.registerId, registerId)));
  if (row) return { notice: row, saved: true as const };
  const [org] = await db
    .select({
      name: organizations.name,
      businessId: organizations.businessId,
      billingAddress: organizations.billingAddress,
      contactEmails: organizations.contactEmails,
    })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const notice: PrivacyNotice = {
    registerId,
    orgId,
    controllerName: org?.name ?? "",
    controllerBusinessId: org?.businessId ?? "",
    controllerAddress: org?.billingAddress ?? "",
    contactPerson: "",
    contactEmail: org?.contactEmails[0] ?? "",
    purpose: "",
    legalBasis: "consent",
    retention: "",
    sources: "",
    recipients: "",
    addressSource: "",
    publishedAt: null,
    updatedAt: new Date(),
  };
  return { notice, saved: false as const };
}

/**
 * Saves the notice (editors) and, when `publish` is set, publishes it; `publish: false`
 * withdraws the public page. Audited as `register.privacy_updated`.
 */
export async function savePrivacy(
  db: Db,
  orgId: string,
  actor: Actor,
  registerId: string,
  input: PrivacyInput,
  publish: boolean,
): Promise<PrivacyNotice> {
  await authorizeActor(db, orgId, actor, "editor");
  const register = await getRegisterOrThrow(db, orgId, registerId);
  return db.transaction(async (tx) => {
    const values = { ...input, updatedAt: new Date() };
    const [row] = await tx
      .insert(registerPrivacy)
      .values({ registerId, orgId, ...values, publishedAt: publish ? new Date() : null })
      .onConflictDoUpdate({
        target: registerPrivacy.registerId,
        set: {
          ...values,
          // Keep the first publication time while the notice stays published.
          publishedAt: publish ? sql`coalesce(${registerPrivacy.publishedAt}, now())` : sql`null`,
        },
        setWhere: eq(registerPrivacy.orgId, orgId),
      })
      .returning();
    if (!row) throw new AppError("NOT_FOUND");
    await recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      actorEmail: actor.userEmail,
      action: "register.privacy_updated",
      targetType: "register",
      targetId: registerId,
      ip: actor.ip ?? null,
      details: { published: publish, targetName: register.name },
    });
    return row;
  });
}

/**
 * The public notice by the register's public key: only when published. Returns what the page
 * renders: the notice, the register's name and its columns (the "data content" section).
 */
export async function getPublicPrivacy(db: Db, publicKey: string) {
  if (!/^[A-Za-z0-9_-]{10,40}$/.test(publicKey)) return null;
  const [row] = await db
    .select({ notice: registerPrivacy, register: registers })
    .from(registers)
    .innerJoin(registerPrivacy, eq(registerPrivacy.registerId, registers.id))
    .where(
      and(eq(registers.publicKey, publicKey), sql`${registerPrivacy.publishedAt} is not null`),
    );
  if (!row) return null;
  const columns = await listColumns(db, row.register.orgId, row.register.id);
  return { notice: row.notice, register: row.register, columns };
}

/**
 * The address-source statement for message footers (R9): "why you receive this", naming the
 * register, the controller and where the address came from, plus the notice's URL when
 * published. Later issues (campaigns) put it under every marketing message. `t` is a
 * translator of the `privacy` namespace in the recipient's language.
 */
export async function addressSourceStatement(
  db: Db,
  orgId: string,
  registerId: string,
  opts: { baseUrl: string; t: (key: string, values?: Record<string, string>) => string },
): Promise<{ text: string; noticeUrl: string | null }> {
  const register = await getRegisterOrThrow(db, orgId, registerId);
  const { notice, saved } = await getPrivacyDraft(db, orgId, registerId);
  const noticeUrl =
    saved && notice.publishedAt ? `${opts.baseUrl}/p/r/${register.publicKey}/privacy` : null;
  const base = opts.t("statement.base", {
    register: register.name,
    controller: notice.controllerName,
  });
  const source = notice.addressSource.trim();
  const text = source ? `${base} ${opts.t("statement.source", { source })}` : base;
  return { text, noticeUrl };
}
