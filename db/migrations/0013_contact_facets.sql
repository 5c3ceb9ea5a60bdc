CREATE TABLE "contact_facets" (
	"contact_id" uuid PRIMARY KEY NOT NULL,
	"register_id" uuid NOT NULL,
	"email_status" "consent_status" NOT NULL,
	"sms_status" "consent_status" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"t1" text,
	"t2" text,
	"t3" text,
	"t4" text,
	"t5" text,
	"t6" text,
	"t7" text,
	"t8" text,
	"t9" text,
	"t10" text,
	"t11" text,
	"t12" text,
	"n1" numeric,
	"n2" numeric,
	"n3" numeric,
	"n4" numeric,
	"n5" numeric,
	"n6" numeric,
	"d1" text COLLATE "C",
	"d2" text COLLATE "C",
	"d3" text COLLATE "C",
	"d4" text COLLATE "C",
	"d5" text COLLATE "C",
	"d6" text COLLATE "C",
	"b1" boolean,
	"b2" boolean,
	"b3" boolean,
	"b4" boolean,
	"b5" boolean,
	"b6" boolean,
	"m1" text COLLATE "C",
	"m2" text COLLATE "C",
	"m3" text COLLATE "C",
	"m4" text COLLATE "C",
	"m5" text COLLATE "C",
	"m6" text COLLATE "C"
);
--> statement-breakpoint
ALTER TABLE "register_columns" ADD COLUMN "slot" text;--> statement-breakpoint
ALTER TABLE "contact_facets" ADD CONSTRAINT "contact_facets_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_facets_register_idx" ON "contact_facets" USING btree ("register_id");--> statement-breakpoint
CREATE UNIQUE INDEX "register_columns_slot_uq" ON "register_columns" USING btree ("register_id","slot") WHERE "register_columns"."slot" is not null;--> statement-breakpoint
-- Slots for the columns that exist already: per register and family in column order, while free.
UPDATE "register_columns" rc SET "slot" = x.fam || x.i
FROM (
  SELECT id, fam, row_number() OVER (PARTITION BY register_id, fam ORDER BY position, created_at, id) AS i
  FROM (SELECT id, register_id, position, created_at, CASE type WHEN 'number' THEN 'n' WHEN 'date' THEN 'd' WHEN 'boolean' THEN 'b' WHEN 'multi_choice' THEN 'm' ELSE 't' END AS fam FROM "register_columns") y
) x
WHERE rc.id = x.id AND x.i <= CASE x.fam WHEN 't' THEN 12 ELSE 6 END;--> statement-breakpoint
-- A new column takes the lowest free slot of its family (none when all are taken). The register
-- row is locked first so two columns added at once cannot take the same slot.
CREATE FUNCTION register_column_slot() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  fam text := CASE NEW.type::text WHEN 'number' THEN 'n' WHEN 'date' THEN 'd' WHEN 'boolean' THEN 'b' WHEN 'multi_choice' THEN 'm' ELSE 't' END;
BEGIN
  IF NEW.slot IS NOT NULL THEN
    RETURN NEW;
  END IF;
  PERFORM 1 FROM registers WHERE id = NEW.register_id FOR UPDATE;
  SELECT fam || i INTO NEW.slot
  FROM generate_series(1, CASE fam WHEN 't' THEN 12 ELSE 6 END) AS i
  WHERE NOT EXISTS (
    SELECT 1 FROM register_columns c WHERE c.register_id = NEW.register_id AND c.slot = fam || i
  )
  ORDER BY i
  LIMIT 1;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER register_columns_slot BEFORE INSERT ON "register_columns"
  FOR EACH ROW EXECUTE FUNCTION register_column_slot();--> statement-breakpoint
-- A slot taken or given up is made to say what contacts.data says: values of a new column's key
-- already in data are copied in; a removed column's slot is emptied.
CREATE FUNCTION register_column_slot_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.slot IS NOT NULL THEN
      EXECUTE format('UPDATE contact_facets SET %I = NULL WHERE register_id = $1 AND %I IS NOT NULL', OLD.slot, OLD.slot)
        USING OLD.register_id;
    END IF;
    RETURN NULL;
  END IF;
  IF NEW.slot IS NOT NULL THEN
    UPDATE contacts SET data = data WHERE register_id = NEW.register_id AND data ? NEW.key;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER register_columns_slot_sync AFTER INSERT OR DELETE ON "register_columns"
  FOR EACH ROW EXECUTE FUNCTION register_column_slot_sync();--> statement-breakpoint
-- contact_facets follows contacts in the same statement: every inserted or updated contact's
-- row is (re)computed from its data and its register's slots. Deletes cascade.
CREATE FUNCTION contact_facets_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO contact_facets (contact_id, register_id, email_status, sms_status, created_at, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, n1, n2, n3, n4, n5, n6, d1, d2, d3, d4, d5, d6, b1, b2, b3, b4, b5, b6, m1, m2, m3, m4, m5, m6)
  SELECT
    n.id,
    n.register_id,
    n.email_status,
    n.sms_status,
    n.created_at,
    n.data ->> (s.k ->> 't1'),
    n.data ->> (s.k ->> 't2'),
    n.data ->> (s.k ->> 't3'),
    n.data ->> (s.k ->> 't4'),
    n.data ->> (s.k ->> 't5'),
    n.data ->> (s.k ->> 't6'),
    n.data ->> (s.k ->> 't7'),
    n.data ->> (s.k ->> 't8'),
    n.data ->> (s.k ->> 't9'),
    n.data ->> (s.k ->> 't10'),
    n.data ->> (s.k ->> 't11'),
    n.data ->> (s.k ->> 't12'),
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'n1')) = 'number' THEN (n.data ->> (s.k ->> 'n1'))::numeric END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'n2')) = 'number' THEN (n.data ->> (s.k ->> 'n2'))::numeric END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'n3')) = 'number' THEN (n.data ->> (s.k ->> 'n3'))::numeric END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'n4')) = 'number' THEN (n.data ->> (s.k ->> 'n4'))::numeric END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'n5')) = 'number' THEN (n.data ->> (s.k ->> 'n5'))::numeric END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'n6')) = 'number' THEN (n.data ->> (s.k ->> 'n6'))::numeric END,
    CASE WHEN (n.data ->> (s.k ->> 'd1')) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN n.data ->> (s.k ->> 'd1') END,
    CASE WHEN (n.data ->> (s.k ->> 'd2')) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN n.data ->> (s.k ->> 'd2') END,
    CASE WHEN (n.data ->> (s.k ->> 'd3')) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN n.data ->> (s.k ->> 'd3') END,
    CASE WHEN (n.data ->> (s.k ->> 'd4')) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN n.data ->> (s.k ->> 'd4') END,
    CASE WHEN (n.data ->> (s.k ->> 'd5')) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN n.data ->> (s.k ->> 'd5') END,
    CASE WHEN (n.data ->> (s.k ->> 'd6')) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN n.data ->> (s.k ->> 'd6') END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'b1')) = 'boolean' THEN (n.data -> (s.k ->> 'b1'))::boolean END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'b2')) = 'boolean' THEN (n.data -> (s.k ->> 'b2'))::boolean END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'b3')) = 'boolean' THEN (n.data -> (s.k ->> 'b3'))::boolean END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'b4')) = 'boolean' THEN (n.data -> (s.k ->> 'b4'))::boolean END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'b5')) = 'boolean' THEN (n.data -> (s.k ->> 'b5'))::boolean END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'b6')) = 'boolean' THEN (n.data -> (s.k ->> 'b6'))::boolean END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'm1')) = 'array' THEN E'\x1f' || (SELECT string_agg(e, E'\x1f') FROM jsonb_array_elements_text(n.data -> (s.k ->> 'm1')) e) || E'\x1f' END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'm2')) = 'array' THEN E'\x1f' || (SELECT string_agg(e, E'\x1f') FROM jsonb_array_elements_text(n.data -> (s.k ->> 'm2')) e) || E'\x1f' END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'm3')) = 'array' THEN E'\x1f' || (SELECT string_agg(e, E'\x1f') FROM jsonb_array_elements_text(n.data -> (s.k ->> 'm3')) e) || E'\x1f' END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'm4')) = 'array' THEN E'\x1f' || (SELECT string_agg(e, E'\x1f') FROM jsonb_array_elements_text(n.data -> (s.k ->> 'm4')) e) || E'\x1f' END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'm5')) = 'array' THEN E'\x1f' || (SELECT string_agg(e, E'\x1f') FROM jsonb_array_elements_text(n.data -> (s.k ->> 'm5')) e) || E'\x1f' END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'm6')) = 'array' THEN E'\x1f' || (SELECT string_agg(e, E'\x1f') FROM jsonb_array_elements_text(n.data -> (s.k ->> 'm6')) e) || E'\x1f' END
  FROM new_rows n
  LEFT JOIN (
    SELECT c.register_id, jsonb_object_agg(c.slot, c.key) AS k
    FROM register_columns c
    WHERE c.slot IS NOT NULL AND c.register_id IN (SELECT DISTINCT register_id FROM new_rows)
    GROUP BY c.register_id
  ) s ON s.register_id = n.register_id
  ON CONFLICT (contact_id) DO UPDATE SET register_id = EXCLUDED.register_id, email_status = EXCLUDED.email_status, sms_status = EXCLUDED.sms_status, created_at = EXCLUDED.created_at, t1 = EXCLUDED.t1, t2 = EXCLUDED.t2, t3 = EXCLUDED.t3, t4 = EXCLUDED.t4, t5 = EXCLUDED.t5, t6 = EXCLUDED.t6, t7 = EXCLUDED.t7, t8 = EXCLUDED.t8, t9 = EXCLUDED.t9, t10 = EXCLUDED.t10, t11 = EXCLUDED.t11, t12 = EXCLUDED.t12, n1 = EXCLUDED.n1, n2 = EXCLUDED.n2, n3 = EXCLUDED.n3, n4 = EXCLUDED.n4, n5 = EXCLUDED.n5, n6 = EXCLUDED.n6, d1 = EXCLUDED.d1, d2 = EXCLUDED.d2, d3 = EXCLUDED.d3, d4 = EXCLUDED.d4, d5 = EXCLUDED.d5, d6 = EXCLUDED.d6, b1 = EXCLUDED.b1, b2 = EXCLUDED.b2, b3 = EXCLUDED.b3, b4 = EXCLUDED.b4, b5 = EXCLUDED.b5, b6 = EXCLUDED.b6, m1 = EXCLUDED.m1, m2 = EXCLUDED.m2, m3 = EXCLUDED.m3, m4 = EXCLUDED.m4, m5 = EXCLUDED.m5, m6 = EXCLUDED.m6;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER contacts_facets_insert AFTER INSERT ON "contacts"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contact_facets_sync();--> statement-breakpoint
CREATE TRIGGER contacts_facets_update AFTER UPDATE ON "contacts"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contact_facets_sync();--> statement-breakpoint
-- The contacts that exist already.
INSERT INTO contact_facets (contact_id, register_id, email_status, sms_status, created_at, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, n1, n2, n3, n4, n5, n6, d1, d2, d3, d4, d5, d6, b1, b2, b3, b4, b5, b6, m1, m2, m3, m4, m5, m6)
SELECT
    n.id,
    n.register_id,
    n.email_status,
    n.sms_status,
    n.created_at,
    n.data ->> (s.k ->> 't1'),
    n.data ->> (s.k ->> 't2'),
    n.data ->> (s.k ->> 't3'),
    n.data ->> (s.k ->> 't4'),
    n.data ->> (s.k ->> 't5'),
    n.data ->> (s.k ->> 't6'),
    n.data ->> (s.k ->> 't7'),
    n.data ->> (s.k ->> 't8'),
    n.data ->> (s.k ->> 't9'),
    n.data ->> (s.k ->> 't10'),
    n.data ->> (s.k ->> 't11'),
    n.data ->> (s.k ->> 't12'),
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'n1')) = 'number' THEN (n.data ->> (s.k ->> 'n1'))::numeric END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'n2')) = 'number' THEN (n.data ->> (s.k ->> 'n2'))::numeric END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'n3')) = 'number' THEN (n.data ->> (s.k ->> 'n3'))::numeric END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'n4')) = 'number' THEN (n.data ->> (s.k ->> 'n4'))::numeric END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'n5')) = 'number' THEN (n.data ->> (s.k ->> 'n5'))::numeric END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'n6')) = 'number' THEN (n.data ->> (s.k ->> 'n6'))::numeric END,
    CASE WHEN (n.data ->> (s.k ->> 'd1')) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN n.data ->> (s.k ->> 'd1') END,
    CASE WHEN (n.data ->> (s.k ->> 'd2')) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN n.data ->> (s.k ->> 'd2') END,
    CASE WHEN (n.data ->> (s.k ->> 'd3')) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN n.data ->> (s.k ->> 'd3') END,
    CASE WHEN (n.data ->> (s.k ->> 'd4')) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN n.data ->> (s.k ->> 'd4') END,
    CASE WHEN (n.data ->> (s.k ->> 'd5')) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN n.data ->> (s.k ->> 'd5') END,
    CASE WHEN (n.data ->> (s.k ->> 'd6')) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN n.data ->> (s.k ->> 'd6') END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'b1')) = 'boolean' THEN (n.data -> (s.k ->> 'b1'))::boolean END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'b2')) = 'boolean' THEN (n.data -> (s.k ->> 'b2'))::boolean END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'b3')) = 'boolean' THEN (n.data -> (s.k ->> 'b3'))::boolean END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'b4')) = 'boolean' THEN (n.data -> (s.k ->> 'b4'))::boolean END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'b5')) = 'boolean' THEN (n.data -> (s.k ->> 'b5'))::boolean END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'b6')) = 'boolean' THEN (n.data -> (s.k ->> 'b6'))::boolean END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'm1')) = 'array' THEN E'\x1f' || (SELECT string_agg(e, E'\x1f') FROM jsonb_array_elements_text(n.data -> (s.k ->> 'm1')) e) || E'\x1f' END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'm2')) = 'array' THEN E'\x1f' || (SELECT string_agg(e, E'\x1f') FROM jsonb_array_elements_text(n.data -> (s.k ->> 'm2')) e) || E'\x1f' END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'm3')) = 'array' THEN E'\x1f' || (SELECT string_agg(e, E'\x1f') FROM jsonb_array_elements_text(n.data -> (s.k ->> 'm3')) e) || E'\x1f' END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'm4')) = 'array' THEN E'\x1f' || (SELECT string_agg(e, E'\x1f') FROM jsonb_array_elements_text(n.data -> (s.k ->> 'm4')) e) || E'\x1f' END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'm5')) = 'array' THEN E'\x1f' || (SELECT string_agg(e, E'\x1f') FROM jsonb_array_elements_text(n.data -> (s.k ->> 'm5')) e) || E'\x1f' END,
    CASE WHEN jsonb_typeof(n.data -> (s.k ->> 'm6')) = 'array' THEN E'\x1f' || (SELECT string_agg(e, E'\x1f') FROM jsonb_array_elements_text(n.data -> (s.k ->> 'm6')) e) || E'\x1f' END
  FROM contacts n
  LEFT JOIN (
    SELECT c.register_id, jsonb_object_agg(c.slot, c.key) AS k
    FROM register_columns c
    WHERE c.slot IS NOT NULL AND c.register_id IN (SELECT DISTINCT register_id FROM contacts)
    GROUP BY c.register_id
  ) s ON s.register_id = n.register_id;
