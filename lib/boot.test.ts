import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Start-up in a real process, as `next start` runs it from the instrumentation hook.
function boot(env: Record<string, string>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "vk-boot-"));
  return spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "-e",
      "const b = await import('./lib/boot.ts'); await b.boot(); process.exit(0);",
    ],
    {
      cwd: path.resolve(import.meta.dirname, ".."),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        DATA_DIR: dataDir,
        LOG_LEVEL: "silent",
        SEED_DEMO: "0",
        JOBS_RUNNER: "off",
        ...env,
      },
      encoding: "utf8",
      timeout: 60_000,
    },
  );
}

describe("start-up", { timeout: 90_000 }, () => {
  it("stops with a message naming DATABASE_URL when it is nonsense", () => {
    const r = boot({ DATABASE_URL: "nonsense" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("DATABASE_URL");
    expect(r.stderr).toContain("Invalid configuration");
  });

  it("requires AUTH_SECRET in production with an external database", () => {
    const r = boot({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("AUTH_SECRET");
  });

  it("stops with a clear message when the database cannot be reached", () => {
    const r = boot({
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
      AUTH_SECRET: "x".repeat(32),
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Cannot open or migrate the database (postgres)");
  });

  it("starts on the embedded default and migrates it", () => {
    const r = boot({});
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
