import pino from "pino";

const g = globalThis as unknown as { __vkLog?: pino.Logger };

/** The process logger (structured JSON). Child loggers carry a request id or job id. */
export const log: pino.Logger = (g.__vkLog ??= pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "viestikone" },
}));
