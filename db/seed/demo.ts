import { randomBytes } from "node:crypto";
import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { memberships, organizations, users } from "../schema";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { seedDemoCampaign } from "./demo-campaign";

type DemoAccount = {
  email: string;
  password: string;
  org: string;
  role: "main" | "editor" | "viewer";
};

const DEMO_ORGS = [
  {
    slug: "demo",
    name: "Demo Oy",
    businessId: "1234567-1",
    customerNumber: "100001",
    isPartner: false,
  },
  {
    slug: "painotalo",
    name: "Painotalo Partneri Oy",
    businessId: "7654321-2",
    customerNumber: "100002",
    isPartner: true,
  },
];

const DEMO_USERS = [
  {
    email: "demo@viestikone.local",
    firstName: "Dora",
    lastName: "Demo",
    org: "demo",
    role: "main" as const,
    isOperator: true,
  },
  {
    email: "partneri@viestikone.local",
    firstName: "Pekka",
    lastName: "Painaja",
    org: "painotalo",
    role: "main" as const,
    isOperator: false,
  },
];

/**
 * Creates the demo organisations and users once (idempotent: existing rows are left alone).
 * The password comes from DEMO_PASSWORD or is generated; new credentials are printed once and
 * kept in DATA_DIR/demo-credentials.json.
 */
export async function seedDemo(db: Db): Promise<DemoAccount[]> {
  const password = process.env.DEMO_PASSWORD || `Demo-${randomBytes(6).toString("base64url")}-9a`;
  const created: DemoAccount[] = [];
  await db.transaction(async (tx) => {
    for (const o of DEMO_ORGS)
      await tx.insert(organizations).values(o).onConflictDoNothing({ target: organizations.slug });
    for (const u of DEMO_USERS) {
      const [exists] = await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = ${u.email}`);
      if (exists) continue;
      const [user] = await tx
        .insert(users)
        .values({
          email: u.email,
          firstName: u.firstName,
          lastName: u.lastName,
          passwordHash: await hashPassword(password),
          emailVerifiedAt: new Date(),
          isOperator: u.isOperator,
        })
        .returning({ id: users.id });
      const [org] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(sql`${organizations.slug} = ${u.org}`);
      await tx
        .insert(memberships)
        .values({ orgId: org!.id, userId: user!.id, role: u.role })
        .onConflictDoNothing();
      created.push({ email: u.email, password, org: u.org, role: u.role });
    }
  });
  await seedDemoCampaign(db);
  if (created.length > 0) {
    const file = path.resolve(env().DATA_DIR, "demo-credentials.json");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(created, null, 2), { mode: 0o600 });
    console.warn(
      `\nDemo data created. Sign in at ${env().APP_URL}/sign-in with:\n` +
        created.map((c) => `  ${c.email}  /  ${c.password}   (${c.org}, ${c.role})`).join("\n") +
        `\n(also saved in ${file})\n`,
    );
  }
  return created;
}
