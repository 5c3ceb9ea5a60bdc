CREATE TABLE "sms_senders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"sender" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "sms_part_price_cents" numeric(10, 3) DEFAULT 6.9 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "sms_sender" text;--> statement-breakpoint
ALTER TABLE "sms_senders" ADD CONSTRAINT "sms_senders_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sms_senders_org_sender_uq" ON "sms_senders" USING btree ("org_id","sender");