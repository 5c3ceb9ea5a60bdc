import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDb } from "../client";
import { migrateDb } from "../migrate";

declare module "vitest" {
  export interface ProvidedContext {
    pgRun: string;
  }
}

/**
 * Creates a migrated template database once per test run; each test file copies it. Names
 * carry a run id, so test runs from several checkouts can share one PostgreSQL server.
 */
export default async function setup(project: TestProject) {
  const run = randomBytes(4).toString("hex");
  project.provide("pgRun", run);
  const template = `vk_tpl_${run}`;
  const url = process.env.DATABASE_URL!;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const u = new URL(url);
  u.pathname = `/${template}`;
  const handle = await openDb({ url: u.toString(), kind: "postgres" });
  await migrateDb(handle);
  await handle.close();
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname = $1 or datname like $2",
      [template, `vk_t_${run}_%`],
    );
    for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
    await admin.end();
  };
}
