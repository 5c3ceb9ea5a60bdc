import { getDb } from "@/db";
import { markExportFailed, runExport } from "@/lib/exports/run-export";
import { defineJob } from "../../define";

/** Writes one register or segment export to a stored file (idempotent: see runExport). */
export const exportContacts = defineJob({
  id: "register-export-contacts",
  event: "register/export.requested",
  retries: 3,
  concurrency: 2,
  handler: async (data) => {
    const db = await getDb();
    try {
      await runExport(db, data);
    } catch (err) {
      // Shown on the exports page; a retry sets the export running again.
      await markExportFailed(db, data.orgId, data.exportId, "exports.errors.failed");
      throw err;
    }
  },
});
