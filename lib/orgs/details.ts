import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { organizations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { isValidBusinessId } from "./business-id";
import { requireOrgRole } from "./require-role";

export const MAX_CONTACT_EMAILS = 20;
const email = z.email();

/** Contact e-mails typed one per line (commas and semicolons also separate); each is checked. */
const contactEmails = z.string().transform((v, ctx) => {
  const out: string[] = [];
  const lines = v.split(/[\n,;]/).map((s) => s.trim());
  lines.forEach((line, i) => {
    if (!line) return;
    if (line.length > 320 || !email.safeParse(line).success)
      ctx.addIssue({ code: "custom", message: `errors.CONTACT_EMAIL_INVALID|line=${i + 1}` });
    else if (!out.some((e) => e.toLowerCase() === line.toLowerCase())) out.push(line);
  });
  if (out.length > MAX_CONTACT_EMAILS)
    ctx.addIssue({
      code: "custom",
      message: `errors.CONTACT_EMAILS_TOO_MANY|max=${MAX_CONTACT_EMAILS}`,
    });
  return out;
});

export const OrgDetailsSchema = z.object({
  name: z.string().trim().min(1, "errors.ORG_NAME_REQUIRED").max(200, "errors.ORG_NAME_TOO_LONG"),
  businessId: z
    .string()
    .trim()
    .refine(isValidBusinessId, "errors.BUSINESS_ID_INVALID")
    // "123456-7" (an old six-digit ID) is stored in its seven-digit form "0123456-7".
    .transform((v) => v.padStart(9, "0")),
  billingAddress: z.string().trim().max(500, "errors.BILLING_ADDRESS_TOO_LONG").default(""),
  contactEmails: contactEmails.default([]),
});
export type OrgDetailsInput = z.infer<typeof OrgDetailsSchema>;

export type OrgDetails = {
  id: string;
  slug: string;
  name: string;
  businessId: string | null;
  customerNumber: string | null;
  billingAddress: string | null;
  contactEmails: string[];
  status: "active" | "suspended";
  isPartner: boolean;
};

/** The organisation's details (A2). Caller has checked membership. */
export async function getOrgDetails(db: Db, orgId: string): Promise<OrgDetails | null> {
  const [row] = await db
    .select({
      id: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      businessId: organizations.businessId,
      customerNumber: organizations.customerNumber,
      billingAddress: organizations.billingAddress,
      contactEmails: organizations.contactEmails,
      status: organizations.status,
      isPartner: organizations.isPartner,
    })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return row ?? null;
}

/**
 * Updates the organisation's name, Y-tunnus, billing address and contact e-mails. Main users
 * only (checked here by ids); the customer number is never changed. Records `org.updated` with
 * the names of the changed fields in the same transaction. Returns those names.
 */
export async function updateOrgDetails(
  db: Db,
  actor: { orgId: string; userId: string; userEmail: string; ip: string | null },
  input: OrgDetailsInput,
): Promise<{ changed: string[] }> {
  return db.transaction(async (tx) => {
    await requireOrgRole(tx, actor.orgId, actor.userId, "main");
    const before = await getOrgDetails(tx, actor.orgId);
    if (!before) throw new AppError("NOT_FOUND");
    const next = {
      name: input.name,
      businessId: input.businessId,
      billingAddress: input.billingAddress || null,
      contactEmails: input.contactEmails,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
      (k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(next[k] ?? null),
    );
    if (changed.length === 0) return { changed };
    await tx.update(organizations).set(next).where(eq(organizations.id, actor.orgId));
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      actorEmail: actor.userEmail,
      action: "org.updated",
      targetType: "organization",
      targetId: actor.orgId,
      ip: actor.ip,
      details: { fields: changed },
    });
    return { changed };
  });
}
