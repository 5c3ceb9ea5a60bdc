import { PGlite } from "@electric-sql/pglite";
const db = new PGlite("/work/main/.data-e2e/pglite");
console.log((await db.query("select id,name,status,attempts,last_error from jobs")).rows);
console.log((await db.query("select count(*) from sandbox_emails")).rows);
