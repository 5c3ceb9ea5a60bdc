import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Liveness and configuration: which database, job runner and channels this process uses. */
export async function GET() {
  const e = env();
  const body = { db: e.dbKind, jobs: e.jobsKind, email: e.EMAIL_TRANSPORT, sms: e.SMS_GATEWAY };
  try {
    const db = await getDb();
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), 3000)),
    ]);
    return Response.json({ ok: true, ...body }, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    log.error({ err }, "health check: database unreachable");
    return Response.json(
      { ok: false, ...body },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
