import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { imports, storedFiles } from "@/db/schema";
import { AppError, isAppError } from "@/lib/errors";
import { readFile, storeFile } from "@/lib/files/store";
import { enqueue } from "@/lib/jobs/enqueue";
import {
  authorizeActor,
  getRegisterOrThrow,
  listColumns,
  type Actor,
} from "@/lib/registers/registers";
import { isZip } from "./detect";
import { previewCsv, readCsv } from "./read-csv";
import { readXlsx } from "./read-xlsx";
import { openImportRows } from "./source";
import { mappingProblems } from "./targets";
import type { Import } from "./run";

/** Largest accepted upload. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
/** Uploaded files are removed by the tick after this many days. */
const UPLOAD_DAYS = 7;
const SAMPLE_BYTES = 64 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const bad = (userMessage: string) => new AppError("BAD_REQUEST", { userMessage });

/** The file's format from its first bytes (a zip is a workbook) and its name. */
function sniffFormat(name: string, head: Uint8Array): "csv" | "xlsx" {
  const zip = isZip(head);
  const ole = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  const lower = name.toLowerCase();
  if (zip) {
    if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) return "xlsx";
    throw bad("import.errors.UNSUPPORTED");
  }
  if (ole || lower.endsWith(".xls") || lower.endsWith(".xlsx")) {
    throw bad(lower.endsWith(".xlsx") ? "import.errors.NOT_XLSX" : "import.errors.UNSUPPORTED");
  }
  // A text file: NUL bytes mean something binary (a PDF, an image, UTF-16).
  if (head.subarray(0, 4096).includes(0)) throw bad("import.errors.UNSUPPORTED");
  return "csv";
}

/**
 * Stores an uploaded file (streamed: ~1 MB in memory at a time) and creates a draft import with
 * its detected format, encoding, delimiter, header and an estimate of its rows. Editors only,
 * only into the organisation's own register. Bad files are refused with a message and not kept.
 */
export async function createImportFromUpload(
  db: Db,
  orgId: string,
  actor: Actor,
  registerId: string,
  fileName: string,
  body: AsyncIterable<Uint8Array>,
): Promise<Import> {
  await authorizeActor(db, orgId, actor, "editor");
  await getRegisterOrThrow(db, orgId, registerId);
  const name = (fileName.split(/[\\/]/).pop() ?? "").trim().slice(0, 200) || "import.csv";
  const head: Buffer[] = [];
  let headBytes = 0;
  let newlines = 0;
  async function* tap() {
    for await (const part of body) {
      const buf = Buffer.isBuffer(part) ? part : Buffer.from(part);
      if (headBytes < SAMPLE_BYTES) {
        head.push(buf.subarray(0, SAMPLE_BYTES - headBytes));
        headBytes += Math.min(buf.length, SAMPLE_BYTES - headBytes);
      }
      for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) newlines++;
      yield buf;
    }
  }
  const file = await storeFile(
    db,
    {
      orgId,
      purpose: "import_upload",
      name,
      contentType: "application/octet-stream",
      createdBy: actor.userId,
      expiresAt: new Date(Date.now() + UPLOAD_DAYS * 86_400_000),
    },
    tap(),
    { maxBytes: MAX_UPLOAD_BYTES },
  );
  try {
    if (file.sizeBytes === 0) throw bad("import.errors.EMPTY_FILE");
    const sample = Buffer.concat(head);
    const format = sniffFormat(name, sample);
    let header: string[];
    let encoding: string | null = null;
    let delimiter: string | null = null;
    let totalRows = 0;
    if (format === "csv") {
      const p = await previewCsv(sample, 1, { partial: file.sizeBytes > sample.length });
      header = p.header;
      encoding = p.encoding;
      delimiter = p.delimiter;
      // Lines after the header (a final line without a newline counts too); quoted newlines
      // make this an estimate, corrected when the job has read the file.
      const endsWithNewline = sample.length === file.sizeBytes && sample.at(-1) === 10;
      totalRows = Math.max(
        0,
        newlines - (endsWithNewline || sample.length < file.sizeBytes ? 1 : 0),
      );
    } else {
      header = (await readXlsx(readFile(db, orgId, file.id), { maxRows: 0 })).header;
    }
    const [row] = await db
      .insert(imports)
      .values({
        orgId,
        registerId,
        fileId: file.id,
        fileName: name,
        format,
        encoding,
        delimiter,
        headers: header,
        totalRows,
        createdBy: actor.userId,
      })
      .returning();
    return row!;
  } catch (err) {
    await db.delete(storedFiles).where(eq(storedFiles.id, file.id));
    throw err;
  }
}

/** An import of the organisation, or NOT_FOUND (also for another organisation's id). */
export async function getImportOrThrow(db: Db, orgId: string, importId: string): Promise<Import> {
  if (!UUID.test(importId)) throw new AppError("NOT_FOUND");
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.id, importId), eq(imports.orgId, orgId)));
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** The register's latest imports, newest first. */
export async function listImports(db: Db, orgId: string, registerId: string, limit = 10) {
  return db
    .select()
    .from(imports)
    .where(and(eq(imports.orgId, orgId), eq(imports.registerId, registerId)))
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(limit);
}

/** The first rows of the uploaded file for the preview (null if the file has expired). */
export async function previewImport(db: Db, imp: Import, n = 10) {
  if (!imp.fileId) return null;
  const source = await openImportRows(db, imp, { maxRows: n });
  const rows = [];
  for await (const r of source.rows) rows.push(r);
  return rows;
}

export type StartInput = {
  mapping: Record<string, string>;
  mode: "add" | "update" | "upsert";
  dedupe: "email" | "phone" | "email_phone";
  consent: "none" | "subscribed";
};

/**
 * Saves the mapping and options of a draft import and queues its job, in one transaction.
 * Refuses a mapping without an address column, a target chosen twice, or (when contacts may be
 * added) a required column left out.
 */
export async function startImport(
  db: Db,
  orgId: string,
  actor: Actor,
  importId: string,
  input: StartInput,
): Promise<Import> {
  await authorizeActor(db, orgId, actor, "editor");
  const imp = await getImportOrThrow(db, orgId, importId);
  if (imp.status !== "draft") throw bad("import.errors.NOT_DRAFT");
  const columns = await listColumns(db, orgId, imp.registerId);
  const mapping: Record<string, string> = {};
  for (const [src, target] of Object.entries(input.mapping)) {
    const i = Number(src);
    if (!Number.isInteger(i) || i < 0 || i >= imp.headers.length) continue;
    if (target && target !== "skip") mapping[String(i)] = target;
  }
  const problems = mappingProblems(mapping, columns, input.mode);
  if (problems.length > 0) {
    const p = problems[0]!;
    const msg =
      p.key === "import.mapping.REQUIRED_UNMAPPED" ? `${p.key}|column=${p.column}` : p.key;
    throw bad(msg);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(imports)
      .set({ ...input, mapping, status: "queued" })
      .where(and(eq(imports.id, imp.id), eq(imports.orgId, orgId), eq(imports.status, "draft")))
      .returning();
    if (!row) throw bad("import.errors.NOT_DRAFT");
    await enqueue(
      tx as unknown as Db,
      "register/import.requested",
      { orgId, importId: imp.id },
      { dedupeKey: imp.id },
    );
    return row;
  });
}

/**
 * Queues a failed import again with the same file, mapping and options (editors). The failed run
 * changed nothing, so starting over is safe; the upload must not have expired.
 */
export async function retryImport(
  db: Db,
  orgId: string,
  actor: Actor,
  importId: string,
): Promise<Import> {
  await authorizeActor(db, orgId, actor, "editor");
  const imp = await getImportOrThrow(db, orgId, importId);
  if (imp.status !== "failed") throw bad("import.errors.NOT_FAILED");
  if (!imp.fileId) throw bad("import.errors.FILE_EXPIRED");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(imports)
      .set({ status: "queued", error: null, processedRows: 0, finishedAt: null })
      .where(and(eq(imports.id, imp.id), eq(imports.orgId, orgId), eq(imports.status, "failed")))
      .returning();
    if (!row) throw bad("import.errors.NOT_FAILED");
    await enqueue(
      tx as unknown as Db,
      "register/import.requested",
      { orgId, importId: imp.id },
      { dedupeKey: `${imp.id}:retry:${Date.now()}` },
    );
    return row;
  });
}

/** The first `n` rows of the stored report (row, reason, cells), for the import page. */
export async function reportPreview(db: Db, imp: Import, n = 20) {
  if (!imp.reportFileId) return [];
  try {
    const reader = await readCsv(readFile(db, imp.orgId, imp.reportFileId), {
      encoding: "utf-8-bom",
      delimiter: ";",
      maxRows: n,
    });
    const out: { row: string; reason: string; values: string[] }[] = [];
    for await (const r of reader.rows) {
      const [row = "", reason = "", ...values] = r.values;
      while (values.length > 0 && values[values.length - 1] === "") values.pop();
      out.push({ row, reason, values });
    }
    return out;
  } catch (err) {
    if (isAppError(err) && err.code === "NOT_FOUND") return [];
    throw err;
  }
}
