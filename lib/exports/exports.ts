import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { exports, segments } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { getFile } from "@/lib/files/store";
import type { Locale } from "@/lib/i18n/config";
import { enqueue } from "@/lib/jobs/enqueue";
import { authorizeActor, getRegisterOrThrow, type Actor } from "@/lib/registers/registers";
import { getSegmentOrThrow } from "@/lib/segments/segments";

export type Export = typeof exports.$inferSelect;

/**
 * Queues an export of a register, or of one of its segments, to CSV or .xlsx (R4). Exports hold
 * personal data: editors and main users only; records `export.created` and queues the job in
 * the same transaction.
 */
export async function createExport(
  db: Db,
  orgId: string,
  actor: Actor,
  input: { registerId: string; segmentId?: string | null; format: "csv" | "xlsx"; locale: Locale },
): Promise<Export> {
  await authorizeActor(db, orgId, actor, "editor");
  const register = await getRegisterOrThrow(db, orgId, input.registerId);
  const segment = input.segmentId
    ? await getSegmentOrThrow(db, orgId, input.segmentId, register.id)
    : null;
  return db.transaction(async (tx) => {
    const [ex] = await tx
      .insert(exports)
      .values({
        orgId,
        registerId: register.id,
        segmentId: segment?.id ?? null,
        format: input.format,
        status: "queued",
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      orgId,
      actorId: actor.userId,
      actorEmail: actor.userEmail,
      action: "export.created",
      targetType: "register",
      targetId: register.id,
      ip: actor.ip,
      details: {
        targetName: segment ? `${register.name} / ${segment.name}` : register.name,
        format: input.format,
      },
    });
    await enqueue(
      tx,
      "register/export.requested",
      { orgId, exportId: ex!.id, segmentId: segment?.id ?? null, locale: input.locale },
      { dedupeKey: ex!.id },
    );
    return ex!;
  });
}

/** A register's exports, newest first, with the segment's name (editors; caller checks role). */
export async function listExports(db: Db, orgId: string, registerId: string) {
  await getRegisterOrThrow(db, orgId, registerId);
  return db
    .select({
      id: exports.id,
      format: exports.format,
      status: exports.status,
      totalRows: exports.totalRows,
      processedRows: exports.processedRows,
      fileId: exports.fileId,
      error: exports.error,
      createdAt: exports.createdAt,
      finishedAt: exports.finishedAt,
      segmentName: segments.name,
    })
    .from(exports)
    .leftJoin(segments, eq(segments.id, exports.segmentId))
    .where(and(eq(exports.orgId, orgId), eq(exports.registerId, registerId)))
    .orderBy(desc(exports.createdAt), desc(exports.id))
    .limit(50);
}

/** A finished export's stored file, only within the organisation and register (else NOT_FOUND). */
export async function getExportFile(db: Db, orgId: string, registerId: string, exportId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(exportId)) throw new AppError("NOT_FOUND");
  const [ex] = await db
    .select()
    .from(exports)
    .where(
      and(eq(exports.id, exportId), eq(exports.orgId, orgId), eq(exports.registerId, registerId)),
    );
  if (!ex || ex.status !== "done" || !ex.fileId) throw new AppError("NOT_FOUND");
  const file = await getFile(db, orgId, ex.fileId);
  if (!file || (file.expiresAt && file.expiresAt < new Date())) throw new AppError("NOT_FOUND");
  return file;
}
