import pg from "pg";
import { openDb } from "../client";
import { migrateDb } from "../migrate";

export const TEMPLATE_DB = "vk_test_template";

/** Creates a migrated template database once per test run; each test file copies it. */
export default async function setup() {
  const url = process.env.DATABASE_URL!;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
  await admin.query(`create database ${TEMPLATE_DB}`);
  const u = new URL(url);
  u.pathname = `/${TEMPLATE_DB}`;
  const handle = await openDb({ url: u.toString(), kind: "postgres" });
  await migrateDb(handle);
  await handle.close();
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like 'vk_test_%'",
    );
    for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
    await admin.end();
  };
}
