import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, setDbHandle } from "@/db/client";
import { resetEnvCache } from "@/lib/env";
import { GET } from "./route";

// The test decides the configuration, whatever the suite runs with (CI sets DATABASE_URL).
const saved = process.env.DATABASE_URL;
beforeEach(() => {
  delete process.env.DATABASE_URL;
  resetEnvCache();
});
afterEach(() => {
  setDbHandle(undefined);
  if (saved === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved;
  resetEnvCache();
});

describe("GET /api/health", () => {
  it("reports the embedded defaults when the database answers", async () => {
    setDbHandle(await openDb({ kind: "pglite" }));
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      db: "pglite",
      jobs: "local",
      email: "sandbox",
      sms: "sandbox",
    });
  });

  it("answers 503 with ok:false when the database is unreachable", async () => {
    process.env.DATABASE_URL = "postgres://nobody@127.0.0.1:1/none";
    resetEnvCache();
    setDbHandle(await openDb({ url: process.env.DATABASE_URL, kind: "postgres" }));
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, db: "postgres" });
  });
});
