import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { storedFiles } from "@/db/schema";
import { openTestDb } from "@/db/seed/test-db";
import { createOrg } from "@/db/seed/factories";
import { addressHash } from "@/lib/consent/address-hash";
import * as store from "@/lib/files/store";
import { eraseFromStoredFiles } from "./erase-files";

// readFile is replaced only while `failReads` is set: the database failing mid-file.
let failReads = false;
vi.mock("@/lib/files/store", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/files/store")>();
  return {
    ...real,
    readFile: (...args: Parameters<typeof real.readFile>) => {
      if (!failReads) return real.readFile(...args);
      return (async function* () {
        yield Buffer.from("email;puhelin\nmuu@example.fi;\n");
        throw Object.assign(new Error("terminating connection due to administrator command"), {
          code: "57P01",
        });
      })();
    },
  };
});

let h: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.dispose());

describe("erasure's file check when the database fails", () => {
  it("keeps the file and fails the job (to be retried) instead of taking it for unreadable", async () => {
    const org = await createOrg(h.db);
    const file = await store.storeFile(
      h.db,
      { orgId: org.id, purpose: "export", name: "vienti.csv", contentType: "text/csv" },
      [Buffer.from("email\nmuu@example.fi\n")],
    );
    const data = {
      orgId: org.id,
      hashes: [addressHash("email", "liisa@example.fi")],
      before: new Date(Date.now() + 60_000).toISOString(),
    };
    failReads = true;
    await expect(eraseFromStoredFiles(h.db, data)).rejects.toThrow("administrator command");
    failReads = false;
    expect(await h.db.select().from(storedFiles).where(eq(storedFiles.id, file.id))).toHaveLength(
      1,
    );
    // Retried with the database back: read, kept (she is not in it).
    expect(await eraseFromStoredFiles(h.db, data)).toEqual({
      checked: 1,
      deleted: 0,
      unreadable: 0,
    });
  });
});
