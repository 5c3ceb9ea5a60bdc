import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

/** The ConfigError thrown for an environment (fails the test when nothing is thrown). */
function configError(source: Record<string, string | undefined>): ConfigError {
  try {
    parseEnv(source);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error("parseEnv accepted an invalid environment");
}

describe("parseEnv", () => {
  it("runs on the embedded defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.dbKind).toBe("pglite");
    expect(env.jobsKind).toBe("local");
    expect(env.EMAIL_TRANSPORT).toBe("sandbox");
    expect(env.SMS_GATEWAY).toBe("sandbox");
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", EMAIL_TRANSPORT: "", INNGEST_DEV: "" });
    expect(env.dbKind).toBe("pglite");
    expect(env.jobsKind).toBe("local");
    expect(env.EMAIL_TRANSPORT).toBe("sandbox");
  });

  it("rejects a DATABASE_URL that is not a PostgreSQL URL, naming the variable", () => {
    expect(configError({ DATABASE_URL: "nonsense" }).message).toContain("DATABASE_URL");
    expect(configError({ DATABASE_URL: "mysql://root@localhost/db" }).message).toContain(
      "DATABASE_URL",
    );
  });

  it("uses PostgreSQL for a postgres:// or postgresql:// URL", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test" }).dbKind).toBe(
      "postgres",
    );
    expect(parseEnv({ DATABASE_URL: "postgresql://u:p@db.example.fi/app" }).dbKind).toBe(
      "postgres",
    );
  });

  it("uses the Neon driver for a *.neon.tech host", () => {
    const env = parseEnv({
      DATABASE_URL:
        "postgresql://u:p@ep-cool-star-123456.eu-central-1.aws.neon.tech/neondb?sslmode=require",
    });
    expect(env.dbKind).toBe("neon");
    // A host merely containing "neon.tech" elsewhere is not Neon.
    expect(parseEnv({ DATABASE_URL: "postgres://u@neon.tech.example.fi/db" }).dbKind).toBe(
      "postgres",
    );
  });

  it("hands jobs to Inngest when INNGEST_DEV or INNGEST_EVENT_KEY is set", () => {
    expect(parseEnv({ INNGEST_DEV: "1" }).jobsKind).toBe("inngest");
    expect(parseEnv({ INNGEST_EVENT_KEY: "key" }).jobsKind).toBe("inngest");
  });

  it("requires SMTP_URL with EMAIL_TRANSPORT=smtp", () => {
    expect(configError({ EMAIL_TRANSPORT: "smtp" }).message).toContain("SMTP_URL");
    expect(
      parseEnv({ EMAIL_TRANSPORT: "smtp", SMTP_URL: "smtp://127.0.0.1:2525" }).EMAIL_TRANSPORT,
    ).toBe("smtp");
  });

  it("requires RESEND_API_KEY with EMAIL_TRANSPORT=resend", () => {
    expect(configError({ EMAIL_TRANSPORT: "resend" }).message).toContain("RESEND_API_KEY");
    expect(parseEnv({ EMAIL_TRANSPORT: "resend", RESEND_API_KEY: "re_123" }).EMAIL_TRANSPORT).toBe(
      "resend",
    );
  });

  it("requires the Kannel URL and credentials with SMS_GATEWAY=kannel", () => {
    const err = configError({ SMS_GATEWAY: "kannel" });
    expect(err.message).toContain("KANNEL_SENDSMS_URL: is required when SMS_GATEWAY=kannel");
    expect(err.message).toContain("KANNEL_PASSWORD");
    const env = parseEnv({
      SMS_GATEWAY: "kannel",
      KANNEL_SENDSMS_URL: "http://127.0.0.1:13013/cgi-bin/sendsms",
      KANNEL_USERNAME: "u",
      KANNEL_PASSWORD: "p",
    });
    expect(env.KANNEL_MAX_PARTS).toBe(6);
  });

  it("rejects a non-numeric JOBS_CONCURRENCY, naming it", () => {
    expect(configError({ JOBS_CONCURRENCY: "abc" }).message).toContain("JOBS_CONCURRENCY");
    expect(parseEnv({ JOBS_CONCURRENCY: "8" }).JOBS_CONCURRENCY).toBe(8);
  });

  it("names every wrongly formatted variable at once", () => {
    const message = configError({
      DATABASE_URL: "nonsense",
      JOBS_CONCURRENCY: "abc",
      EMAIL_TRANSPORT: "carrier-pigeon",
    }).message;
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain("JOBS_CONCURRENCY");
    expect(message).toContain("EMAIL_TRANSPORT");
  });
});
