// The e2e server: a fresh embedded data folder, and with DATABASE_URL a fresh PostgreSQL
// database (E2E_DB, default vk_e2e) next to it, then `npm start` (which builds when sources changed).
import { rmSync } from "node:fs";
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
rmSync(path.join(root, process.env.DATA_DIR ?? ".data-e2e"), { recursive: true, force: true });
const env = { ...process.env };
if (process.env.DATABASE_URL) {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const name = process.env.E2E_DB ?? "vk_e2e";
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/${name}`;
  env.DATABASE_URL = u.toString();
}
const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
  cwd: root,
  stdio: "inherit",
  env,
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
