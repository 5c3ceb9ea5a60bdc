import { and, asc, count, eq, ilike, or, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { memberships, organizations, users } from "@/db/schema";
import type { Role } from "@/lib/orgs/roles";
import { assertOperator } from "./guard";

export const OPERATOR_PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type OperatorOrgRow = {
  id: string;
  slug: string;
  name: string;
  businessId: string | null;
  customerNumber: string | null;
  status: "active" | "suspended";
  isPartner: boolean;
  members: number;
};

/** Escapes LIKE wildcards so a search for "50%" matches the text "50%". */
const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Organisations matching `q` in name, slug, Y-tunnus or customer number (all when empty), by name,
 * one page. Operators only.
 */
export async function searchOrganizations(
  db: Db,
  operatorId: string,
  opts: { q?: string; page?: number },
): Promise<{ rows: OperatorOrgRow[]; total: number }> {
  await assertOperator(db, operatorId);
  const q = opts.q?.trim().slice(0, 200) ?? "";
  const page = Math.max(0, Math.floor(opts.page ?? 0));
  const cond = q
    ? or(
        ilike(organizations.name, likeText(q)),
        ilike(organizations.slug, likeText(q)),
        ilike(organizations.businessId, likeText(q)),
        ilike(organizations.customerNumber, likeText(q)),
      )
    : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: organizations.id,
        slug: organizations.slug,
        name: organizations.name,
        businessId: organizations.businessId,
        customerNumber: organizations.customerNumber,
        status: organizations.status,
        isPartner: organizations.isPartner,
        members: sql<number>`(select count(*)::int from ${memberships} where ${memberships.orgId} = ${organizations.id})`,
      })
      .from(organizations)
      .where(cond)
      .orderBy(asc(organizations.name), asc(organizations.id))
      .limit(OPERATOR_PAGE_SIZE)
      .offset(page * OPERATOR_PAGE_SIZE),
    db.select({ n: count() }).from(organizations).where(cond),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, members: Number(r.members) })),
    total: Number(total?.n ?? 0),
  };
}

export type OperatorOrgDetail = {
  id: string;
  slug: string;
  name: string;
  businessId: string | null;
  customerNumber: string | null;
  billingAddress: string | null;
  contactEmails: string[];
  status: "active" | "suspended";
  suspendedAt: Date | null;
  isPartner: boolean;
  /** Price per SMS part in cents (S3). */
  smsPartPriceCents: number;
  createdAt: Date;
  members: {
    userId: string;
    firstName: string;
    lastName: string;
    email: string;
    role: Role;
    since: Date;
  }[];
};

/** One organisation with its members (read-only view for operators), or null. Operators only. */
export async function getOrganizationForOperator(
  db: Db,
  operatorId: string,
  orgId: string,
): Promise<OperatorOrgDetail | null> {
  await assertOperator(db, operatorId);
  if (!UUID.test(orgId)) return null;
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  if (!org) return null;
  const members = await db
    .select({
      userId: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId)))
    .orderBy(asc(users.lastName), asc(users.firstName));
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    businessId: org.businessId,
    customerNumber: org.customerNumber,
    billingAddress: org.billingAddress,
    contactEmails: org.contactEmails,
    status: org.status,
    suspendedAt: org.suspendedAt,
    isPartner: org.isPartner,
    smsPartPriceCents: Number(org.smsPartPriceCents),
    createdAt: org.createdAt,
    members,
  };
}
