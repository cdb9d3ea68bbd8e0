CREATE TABLE "business_flow_versions" (
	"business_id" uuid NOT NULL,
	"flow_id" text NOT NULL,
	"hash" text NOT NULL,
	"number" integer NOT NULL,
	"label" text NOT NULL,
	"source" text NOT NULL,
	"origin" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_flow_versions_business_id_flow_id_hash_pk" PRIMARY KEY("business_id","flow_id","hash")
);
--> statement-breakpoint
CREATE TABLE "business_flows" (
	"business_id" uuid NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"current_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_flows_business_id_id_pk" PRIMARY KEY("business_id","id")
);
--> statement-breakpoint
ALTER TABLE "business_flow_versions" ADD CONSTRAINT "business_flow_versions_business_id_flow_id_business_flows_business_id_id_fk" FOREIGN KEY ("business_id","flow_id") REFERENCES "public"."business_flows"("business_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_flows" ADD CONSTRAINT "business_flows_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "business_flow_versions_number_key" ON "business_flow_versions" USING btree ("business_id","flow_id","number");