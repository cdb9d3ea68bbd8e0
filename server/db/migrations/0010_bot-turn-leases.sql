CREATE TABLE "bot_turn_leases" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"leased_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bot_turn_leases" ADD CONSTRAINT "bot_turn_leases_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;