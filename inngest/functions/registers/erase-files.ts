import { getDb } from "@/db";
import { eraseFromStoredFiles } from "@/lib/contacts/erase-files";
import { defineJob } from "../../define";

/** After an erasure: deletes the kept import and export files that mention the person (R11). */
export const eraseFiles = defineJob({
  id: "person-erase-files",
  event: "person/files.erase",
  retries: 3,
  concurrency: 1,
  handler: async (data, ctx) => eraseFromStoredFiles(await getDb(), data, ctx.log),
});
