import { eq, like, or } from "drizzle-orm";
import type { Db } from "@/db";
import { organizations } from "@/db/schema";
import { slugify } from "./slug";

/**
 * Creates an organisation with a unique URL slug from its name: "kauppa-oy", then "kauppa-oy-2",
 * "kauppa-oy-3"… Safe under concurrent sign-ups: a slug taken meanwhile is skipped (ON CONFLICT).
 */
export async function createOrganization(
  db: Db,
  opts: { name: string; businessId: string; now: Date },
) {
  const base = slugify(opts.name);
  // slugify yields only [a-z0-9-], so the LIKE pattern has no wildcards of its own.
  const taken = new Set(
    (
      await db
        .select({ slug: organizations.slug })
        .from(organizations)
        .where(or(eq(organizations.slug, base), like(organizations.slug, `${base}-%`)))
    ).map((r) => r.slug),
  );
  for (let n = 1; n < 100_000; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (taken.has(slug)) continue;
    const [row] = await db
      .insert(organizations)
      .values({ name: opts.name, businessId: opts.businessId, slug, createdAt: opts.now })
      .onConflictDoNothing({ target: organizations.slug })
      .returning();
    if (row) return row;
  }
  throw new Error(`no free slug for ${base}`);
}
