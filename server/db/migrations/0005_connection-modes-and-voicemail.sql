CREATE TABLE "voicemails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"conversation_id" uuid,
	"recording_sid" text NOT NULL,
	"recording_url" text NOT NULL,
	"duration_seconds" integer,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"content_type" text,
	"data" "bytea",
	"transcript" text,
	"transcript_status" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voicemails_call_id_unique" UNIQUE("call_id")
);
--> statement-breakpoint
ALTER TABLE "businesses" ADD COLUMN "connection_mode" text DEFAULT 'ring_through' NOT NULL;--> statement-breakpoint
ALTER TABLE "businesses" ADD COLUMN "carrier_number" text;--> statement-breakpoint
ALTER TABLE "businesses" ADD COLUMN "voicemail_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "businesses" ADD COLUMN "voicemail_greeting" text;--> statement-breakpoint
ALTER TABLE "businesses" ADD COLUMN "voicemail_max_seconds" integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE "businesses" ADD COLUMN "transcribe_voicemail" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "businesses" ADD COLUMN "call_screening" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "businesses" ADD COLUMN "short_answer_seconds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "answered_by" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "forwarded_from" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "is_screen_accepted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "voicemails" ADD CONSTRAINT "voicemails_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voicemails" ADD CONSTRAINT "voicemails_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voicemails" ADD CONSTRAINT "voicemails_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;