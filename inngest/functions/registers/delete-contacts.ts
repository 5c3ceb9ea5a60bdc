import { getDb } from "@/db";
import { markDeletionFailed, runDeletion } from "@/lib/contacts/bulk-delete";
import { defineJob } from "../../define";

const RETRIES = 3;

/** Deletes the contacts of a bulk deletion in committed batches (a rerun carries on). */
export const deleteContacts = defineJob({
  id: "register-delete-contacts",
  event: "register/contacts.delete",
  retries: RETRIES,
  concurrency: 2,
  handler: async (data, ctx) => {
    const db = await getDb();
    try {
      return await runDeletion(db, data);
    } catch (err) {
      // After the last attempt the page says so; what was deleted until then stays deleted.
      if (ctx.attempt >= RETRIES + 1) await markDeletionFailed(db, data);
      throw err;
    }
  },
});
