import { randomBytes } from "node:crypto";
import type { Db } from "../client";
import { emailSenders, memberships, organizations, users } from "../schema";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/orgs/roles";

const rand = () => randomBytes(5).toString("hex");

/** An organisation with a random slug (tests never share data). */
export async function createOrg(db: Db, name = `Testi ${rand()} Oy`) {
  const [org] = await db
    .insert(organizations)
    .values({ name, slug: `org-${rand()}`, businessId: "1234567-1" })
    .returning();
  return org!;
}

/** A verified user, optionally a member of an organisation with a role. */
export async function createUser(
  db: Db,
  opts: { orgId?: string; role?: Role; password?: string; email?: string } = {},
) {
  const password = opts.password ?? `Salasana-${rand()}A1`;
  const [user] = await db
    .insert(users)
    .values({
      email: opts.email ?? `user-${rand()}@example.test`,
      firstName: "Testi",
      lastName: "Käyttäjä",
      passwordHash: await hashPassword(password),
      emailVerifiedAt: new Date(),
    })
    .returning();
  if (opts.orgId)
    await db
      .insert(memberships)
      .values({ orgId: opts.orgId, userId: user!.id, role: opts.role ?? "main" });
  return { ...user!, password };
}

/**
 * A verified sender of an organisation (E6). The real flow verifies by a mailed link; tests and
 * the demo seed create one directly.
 */
export async function createVerifiedSender(
  db: Db,
  opts: { orgId: string; address?: string; name?: string },
) {
  const [sender] = await db
    .insert(emailSenders)
    .values({
      orgId: opts.orgId,
      address: opts.address ?? `uutiset-${rand()}@example.fi`,
      name: opts.name ?? "Uutiskirje",
      verifiedAt: new Date(),
    })
    .returning();
  return sender!;
}
