CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "contacts_search_trgm_idx" ON "contacts" USING gin ((coalesce(lower("email"), '') || E'\x1f' || lower("first_name" || ' ' || "last_name" || ' ' || "first_name") || E'\x1f' || coalesce("phone", '')) gin_trgm_ops);
