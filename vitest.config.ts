import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "db/seed/empty.ts"),
};
const exclude = ["node_modules/**", ".next/**", "e2e/**", ".data/**"];

// Unit tests run once; database-backed tests (*.db.test.ts) run on PGlite, and on PostgreSQL
// too when DATABASE_URL is set (CI sets it), each test file in a database of its own.
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: [...exclude, "**/*.db.test.ts"],
          env: { NODE_ENV: "test" as const },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "db-pglite",
          include: ["**/*.db.test.ts"],
          exclude,
          env: { NODE_ENV: "test" as const, TEST_DB: "pglite" },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      ...(process.env.DATABASE_URL
        ? [
            {
              resolve: { alias },
              test: {
                name: "db-postgres",
                include: ["**/*.db.test.ts"],
                exclude,
                env: { NODE_ENV: "test" as const, TEST_DB: "postgres" },
                globalSetup: ["db/seed/pg-global-setup.ts"],
                testTimeout: 60_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
