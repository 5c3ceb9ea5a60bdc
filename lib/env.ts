import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";

/**
 * Environment, validated once per process. With nothing set the app runs on its embedded
 * defaults (PGlite, local job runner, sandbox channels). A wrong value stops start-up with a
 * message naming the variable.
 */
const bool = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");

const urlWithProtocols = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.map((p) => p + "//").join(" or ")}`,
  );

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATA_DIR: z.string().min(1).default(".data"),
    DATABASE_URL: urlWithProtocols(["postgres:", "postgresql:"]).optional(),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    APP_URL: urlWithProtocols(["http:", "https:"]).default(
      `http://localhost:${process.env.PORT ?? 3000}`,
    ),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    SEED_DEMO: bool,
    // Jobs
    INNGEST_EVENT_KEY: z.string().min(1).optional(),
    INNGEST_SIGNING_KEY: z.string().min(1).optional(),
    INNGEST_DEV: z.string().optional(),
    JOBS_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
    JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    JOBS_CLAIM_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
    JOBS_RUNNER: z.enum(["on", "off"]).default("on"),
    // E-mail
    EMAIL_TRANSPORT: z.enum(["sandbox", "smtp", "resend"]).default("sandbox"),
    EMAIL_FROM: z.string().min(3).default("Viestikone <noreply@viestikone.local>"),
    SMTP_URL: urlWithProtocols(["smtp:", "smtps:"]).optional(),
    SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(5),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: urlWithProtocols(["http:", "https:"]).default("https://api.resend.com"),
    // Sending domains and pre-flight (E5, E6)
    /** Domain our SPF record includes (`include:<this>`); default depends on the transport. */
    SPF_INCLUDE: z
      .string()
      .regex(/^[A-Za-z0-9._-]+$/, "must be a domain name such as _spf.example.net")
      .optional(),
    /** PEM private key the SMTP transport signs with (DKIM); `\n` escapes allowed. */
    DKIM_PRIVATE_KEY: z
      .string()
      .includes("PRIVATE KEY", { message: "must be a PEM private key" })
      .optional(),
    DKIM_SELECTOR: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be a DNS label such as viestikone")
      .default("viestikone"),
    /** rspamd's HTTP address (e.g. http://127.0.0.1:11333): pre-flight adds its spam score. */
    SPAM_CHECK_URL: urlWithProtocols(["http:", "https:"]).optional(),
    /** Signing secret of the Resend webhook endpoint (`whsec_…`); without it webhooks are refused. */
    RESEND_WEBHOOK_SECRET: z
      .string()
      .regex(/^whsec_[A-Za-z0-9+/=]+$/, "must be the whsec_… signing secret from Resend")
      .optional(),
    // SMS
    SMS_GATEWAY: z.enum(["sandbox", "kannel"]).default("sandbox"),
    KANNEL_SENDSMS_URL: urlWithProtocols(["http:", "https:"]).optional(),
    KANNEL_USERNAME: z.string().min(1).optional(),
    KANNEL_PASSWORD: z.string().min(1).optional(),
    /** The sendsms user's `max-messages` in kannel.conf: longer texts are refused, not cut. */
    KANNEL_MAX_PARTS: z.coerce.number().int().min(1).max(255).default(6),
    KANNEL_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
    /** Base URL Kannel can reach us at for delivery reports (default APP_URL). */
    KANNEL_REPORT_BASE_URL: urlWithProtocols(["http:", "https:"]).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.EMAIL_TRANSPORT === "smtp" && !env.SMTP_URL)
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_URL"],
        message: "is required when EMAIL_TRANSPORT=smtp",
      });
    if (env.EMAIL_TRANSPORT === "resend" && !env.RESEND_API_KEY)
      ctx.addIssue({
        code: "custom",
        path: ["RESEND_API_KEY"],
        message: "is required when EMAIL_TRANSPORT=resend",
      });
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.AUTH_SECRET)
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "is required in production with an external database",
      });
    if (env.SMS_GATEWAY === "kannel")
      for (const key of ["KANNEL_SENDSMS_URL", "KANNEL_USERNAME", "KANNEL_PASSWORD"] as const)
        if (!env[key])
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: "is required when SMS_GATEWAY=kannel",
          });
  });

export type Env = z.infer<typeof EnvSchema> & {
  dbKind: "pglite" | "postgres" | "neon";
  jobsKind: "local" | "inngest";
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Parses an environment object; throws ConfigError naming every wrong variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example.`);
  }
  const env = result.data;
  const dbKind = !env.DATABASE_URL
    ? "pglite"
    : /\.neon\.tech$|\.neon\.build$/.test(new URL(env.DATABASE_URL).hostname)
      ? "neon"
      : "postgres";
  const jobsKind = env.INNGEST_EVENT_KEY || env.INNGEST_DEV ? "inngest" : "local";
  return { ...env, dbKind, jobsKind };
}

const g = globalThis as unknown as { __vkEnv?: Env };

/** The validated environment of this process (parsed once). */
export function env(): Env {
  g.__vkEnv ??= parseEnv(process.env);
  return g.__vkEnv;
}

/** Test hook: forget the cached environment. */
export function resetEnvCache() {
  g.__vkEnv = undefined;
}

/**
 * AUTH_SECRET: the configured one, or for the embedded default a random secret generated once
 * and kept under DATA_DIR so sessions survive restarts.
 */
export function authSecret(): string {
  const e = env();
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  const file = path.resolve(e.DATA_DIR, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
