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
CREATE INDEX "contact_facets_register_idx" ON "contact_facets" USING btree ("register_id");--> statement-breakpoint
CREATE UNIQUE INDEX "register_columns_slot_uq" ON "register_columns" USING btree ("register_id","slot") WHERE "register_columns"."slot" is not null;--> statement-breakpoint
-- Slots for the columns that exist already: per register and family in column order, while free.
UPDATE "register_columns" rc SET "slot" = x.fam || x.i
FROM (
  SELECT id, fam, row_number() OVER (PARTITION BY register_id, fam ORDER BY position, created_at, id) AS i
  FROM (
    SELECT id, register_id, position, created_at,
      CASE type WHEN 'number' THEN 'n' WHEN 'date' THEN 'd' WHEN 'boolean' THEN 'b' WHEN 'multi_choice' THEN 'm' ELSE 't' END AS fam
    FROM "register_columns"
  ) y
) x
WHERE rc.id = x.id AND x.i <= CASE x.fam WHEN 't' THEN 12 ELSE 6 END;--> statement-breakpoint
-- The value of the column `key` in slot `slot` of contact_facets, as SQL over a contact row `n`
-- (db/schema/facet-slots.ts says what each family holds).
CREATE FUNCTION contact_facet_expr(slot text, key text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE left(slot, 1)
    WHEN 't' THEN format('n.data ->> %L', key)
    WHEN 'n' THEN format('CASE WHEN jsonb_typeof(n.data -> %L) = ''number'' THEN (n.data ->> %L)::numeric END', key, key)
    WHEN 'd' THEN format('CASE WHEN (n.data ->> %L) ~ ''^[0-9]{4}-[0-9]{2}-[0-9]{2}$'' THEN n.data ->> %L END', key, key)
    WHEN 'b' THEN format('CASE WHEN jsonb_typeof(n.data -> %L) = ''boolean'' THEN (n.data -> %L)::boolean END', key, key)
    WHEN 'm' THEN format('CASE WHEN jsonb_typeof(n.data -> %L) = ''array'' THEN E''\x1f'' || (SELECT string_agg(e, E''\x1f'') FROM jsonb_array_elements_text(n.data -> %L) e) || E''\x1f'' END', key, key)
  END
$$;--> statement-breakpoint
-- The INSERT of contact_facets rows for the contacts of one register in relation `src`, computing
-- only the register's own slots (an unused slot would cost as much as a used one per row).
CREATE FUNCTION contact_facets_insert_sql(reg uuid, src text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT format(
    'INSERT INTO contact_facets (contact_id, register_id, email_status, sms_status, created_at%s) '
    'SELECT n.id, n.register_id, n.email_status, n.sms_status, n.created_at%s FROM %I n WHERE n.register_id = $1',
    coalesce(string_agg(', ' || quote_ident(c.slot), '' ORDER BY c.slot), ''),
    coalesce(string_agg(', ' || contact_facet_expr(c.slot, c.key), '' ORDER BY c.slot), ''),
    src)
  FROM register_columns c
  WHERE c.register_id = reg AND c.slot IS NOT NULL
$$;--> statement-breakpoint
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
-- A slot taken or given up is made to say what contacts.data says: values already in data under
-- a new column's key are copied in; a removed column's slot is emptied.
CREATE FUNCTION register_column_slot_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.slot IS NOT NULL THEN
      EXECUTE format('UPDATE contact_facets SET %I = NULL WHERE register_id = $1 AND %I IS NOT NULL', OLD.slot, OLD.slot)
        USING OLD.register_id;
    END IF;
  ELSIF NEW.slot IS NOT NULL THEN
    EXECUTE format(
      'UPDATE contact_facets f SET %I = %s FROM contacts n WHERE n.id = f.contact_id AND n.register_id = $1 AND n.data ? %L',
      NEW.slot, contact_facet_expr(NEW.slot, NEW.key), NEW.key)
      USING NEW.register_id;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER register_columns_slot_sync AFTER INSERT OR DELETE ON "register_columns"
  FOR EACH ROW EXECUTE FUNCTION register_column_slot_sync();--> statement-breakpoint
-- contact_facets follows contacts in the same statement: the rows of inserted and updated contacts
-- are (re)computed from their data and their register's slots, those of deleted ones go. Set-based
-- over the statement's transition table; no foreign key, as a per-row key check would cost more
-- than the whole insert (docs/BENCHMARKS.md, import).
CREATE FUNCTION contact_facets_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  reg uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM contact_facets f USING old_rows o WHERE f.contact_id = o.id;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM contact_facets f USING new_rows n WHERE f.contact_id = n.id;
  END IF;
  FOR reg IN SELECT DISTINCT register_id FROM new_rows LOOP
    EXECUTE contact_facets_insert_sql(reg, 'new_rows') USING reg;
  END LOOP;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER contacts_facets_insert AFTER INSERT ON "contacts"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contact_facets_sync();--> statement-breakpoint
CREATE TRIGGER contacts_facets_update AFTER UPDATE ON "contacts"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contact_facets_sync();--> statement-breakpoint
CREATE TRIGGER contacts_facets_delete AFTER DELETE ON "contacts"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION contact_facets_sync();--> statement-breakpoint
-- The contacts that exist already.
DO $$
DECLARE
  reg uuid;
BEGIN
  FOR reg IN SELECT DISTINCT register_id FROM contacts LOOP
    EXECUTE contact_facets_insert_sql(reg, 'contacts') USING reg;
  END LOOP;
END
$$;
