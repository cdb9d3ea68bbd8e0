CREATE TABLE "forwarding_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"carrier_number" text NOT NULL,
	"outbound_call_sid" text,
	"forwarded_call_sid" text,
	"failure_reason" text,
	"started_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "forwarding_checks_forwarded_call_sid_unique" UNIQUE("forwarded_call_sid")
);
--> statement-breakpoint
ALTER TABLE "forwarding_checks" ADD CONSTRAINT "forwarding_checks_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "forwarding_checks_business_idx" ON "forwarding_checks" USING btree ("business_id","started_at");