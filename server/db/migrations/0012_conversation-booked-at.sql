ALTER TABLE "conversations" ADD COLUMN "booked_at" timestamp with time zone;--> statement-breakpoint
-- Bookings recorded before this column existed are only events; the latest one sets booked_at.
UPDATE "conversations" SET "booked_at" = (
	SELECT max("events"."created_at") FROM "events"
	WHERE "events"."conversation_id" = "conversations"."id" AND "events"."type" = 'conversation.booked'
);
