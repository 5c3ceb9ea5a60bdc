import { getDbHandle } from "../client";
import { migrateDb } from "../migrate";
import { seedDemo } from "./demo";

// `npm run seed`: migrate and seed the configured database (do not run while the app runs on PGlite).
const handle = await getDbHandle();
await migrateDb(handle);
const created = await seedDemo(handle.db);
if (created.length === 0) console.log("Demo data already present.");
await handle.close();
