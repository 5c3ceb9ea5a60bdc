DROP INDEX "jobs_dedupe_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_dedupe_idx" ON "jobs" USING btree ("name","dedupe_key") WHERE "jobs"."dedupe_key" is not null;