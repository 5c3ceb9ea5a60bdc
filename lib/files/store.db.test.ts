import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg } from "@/db/seed/factories";
import { CHUNK_BYTES, getFile, pruneExpiredFiles, readFile, storeFile } from "./store";

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

async function collect(it: AsyncIterable<Buffer>) {
  const parts: Buffer[] = [];
  for await (const p of it) parts.push(p);
  return Buffer.concat(parts);
}

describe("stored files", () => {
  it("round-trips bytes across chunk boundaries, scoped to the organisation", async () => {
    const org = await createOrg(h.db);
    const other = await createOrg(h.db);
    const bytes = Buffer.alloc(CHUNK_BYTES * 2 + 12345);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
    const pieces = [
      bytes.subarray(0, 1000),
      bytes.subarray(1000, CHUNK_BYTES + 7),
      bytes.subarray(CHUNK_BYTES + 7),
    ];
    const f = await storeFile(
      h.db,
      { orgId: org.id, purpose: "import_upload", name: "a.csv", contentType: "text/csv" },
      pieces,
    );
    expect(f.sizeBytes).toBe(bytes.length);
    expect((await collect(readFile(h.db, org.id, f.id))).equals(bytes)).toBe(true);
    expect(await getFile(h.db, other.id, f.id)).toBeNull();
    await expect(collect(readFile(h.db, other.id, f.id))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses an oversized file and keeps nothing of it", async () => {
    const org = await createOrg(h.db);
    await expect(
      storeFile(
        h.db,
        { orgId: org.id, purpose: "import_upload", name: "big.csv", contentType: "text/csv" },
        [Buffer.alloc(600), Buffer.alloc(600)],
        { maxBytes: 1000 },
      ),
    ).rejects.toMatchObject({ userMessage: "errors.fileTooLarge|mb=0" });
  });

  it("prunes expired files with their chunks", async () => {
    const org = await createOrg(h.db);
    const f = await storeFile(
      h.db,
      {
        orgId: org.id,
        purpose: "export",
        name: "x.csv",
        contentType: "text/csv",
        expiresAt: new Date(Date.now() - 1000),
      },
      [Buffer.from("a,b\n")],
    );
    expect(await pruneExpiredFiles(h.db)).toBeGreaterThanOrEqual(1);
    expect(await getFile(h.db, org.id, f.id)).toBeNull();
  });
});
