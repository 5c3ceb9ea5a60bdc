import { defineJob } from "../../define";
import { getDbHandle } from "@/db";
import { runImport } from "@/lib/import/run";

/**
 * Runs one import (R3). Idempotent: a finished import is left alone and an interrupted one starts
 * over from its file (the staging table is recreated, contacts change only in the final
 * transaction). Failures are recorded on the import itself, so the job does not retry.
 */
export const runRegisterImport = defineJob({
  id: "register-import",
  event: "register/import.requested",
  retries: 2,
  concurrency: 2,
  handler: async (data) => {
    const h = await getDbHandle();
    const imp = await runImport(h, data.orgId, data.importId);
    return { status: imp?.status ?? "missing" };
  },
});
