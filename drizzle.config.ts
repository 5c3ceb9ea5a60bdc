import { defineConfig } from "drizzle-kit";

// Migrations are generated against the schema only (no database needed for `generate`).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
