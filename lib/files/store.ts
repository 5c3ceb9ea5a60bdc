import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { storedFileChunks, storedFiles } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** Chunk size for file bytes in Postgres; large enough to keep round trips few, small enough for Neon. */
export const CHUNK_BYTES = 1024 * 1024;

export type StoredFile = typeof storedFiles.$inferSelect;
type NewFile = {
  orgId: string;
  purpose: StoredFile["purpose"];
  name: string;
  contentType: string;
  createdBy?: string | null;
  expiresAt?: Date | null;
};

/**
 * Stores a stream of bytes (a Node stream, a web stream's async iterator, or an array of buffers)
 * as a file of an organisation, in ~1 MB chunks, without holding the whole file in memory.
 * `maxBytes` refuses oversized uploads with a clear message (nothing is kept then).
 */
export async function storeFile(
  db: Db,
  file: NewFile,
  bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  opts: { maxBytes?: number } = {},
): Promise<StoredFile> {
  const [inserted] = await db
    .insert(storedFiles)
    .values({ ...file, createdBy: file.createdBy ?? null, expiresAt: file.expiresAt ?? null })
    .returning();
  const row = inserted!;
  let seq = 0;
  let size = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await db.insert(storedFileChunks).values({ fileId: row.id, seq: seq++, data });
  };
  try {
    for await (const part of bytes) {
      const buf = Buffer.isBuffer(part) ? part : Buffer.from(part);
      size += buf.length;
      if (opts.maxBytes !== undefined && size > opts.maxBytes) {
        throw new AppError("BAD_REQUEST", {
          userMessage: `errors.fileTooLarge|mb=${Math.round(opts.maxBytes / 1024 / 1024)}`,
        });
      }
      pending.push(buf);
      pendingBytes += buf.length;
      while (pendingBytes >= CHUNK_BYTES) {
        const all = Buffer.concat(pending, pendingBytes);
        pending = [all.subarray(CHUNK_BYTES)];
        pendingBytes = all.length - CHUNK_BYTES;
        await db
          .insert(storedFileChunks)
          .values({ fileId: row.id, seq: seq++, data: all.subarray(0, CHUNK_BYTES) });
      }
    }
    await flush();
  } catch (err) {
    await db.delete(storedFiles).where(eq(storedFiles.id, row.id));
    throw err;
  }
  const [done] = await db
    .update(storedFiles)
    .set({ sizeBytes: size })
    .where(eq(storedFiles.id, row.id))
    .returning();
  return done!;
}

/** The file's metadata, only within its organisation. */
export async function getFile(db: Db, orgId: string, fileId: string): Promise<StoredFile | null> {
  const [row] = await db
    .select()
    .from(storedFiles)
    .where(and(eq(storedFiles.orgId, orgId), eq(storedFiles.id, fileId)));
  return row ?? null;
}

/** Reads a file's bytes chunk by chunk (one chunk in memory at a time), org-scoped. */
export async function* readFile(db: Db, orgId: string, fileId: string): AsyncGenerator<Buffer> {
  const file = await getFile(db, orgId, fileId);
  if (!file) throw new AppError("NOT_FOUND");
  for (let seq = 0; ; seq++) {
    const [chunk] = await db
      .select({ data: storedFileChunks.data })
      .from(storedFileChunks)
      .where(and(eq(storedFileChunks.fileId, fileId), eq(storedFileChunks.seq, seq)))
      .orderBy(asc(storedFileChunks.seq));
    if (!chunk) return;
    yield chunk.data;
  }
}

/** Removes files whose `expiresAt` has passed (called from the tick). Returns how many went. */
export async function pruneExpiredFiles(db: Db, now = new Date()): Promise<number> {
  const gone = await db
    .delete(storedFiles)
    .where(sql`${storedFiles.expiresAt} is not null and ${storedFiles.expiresAt} < ${now}`)
    .returning({ id: storedFiles.id });
  return gone.length;
}
