import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const businesses = pgTable('businesses', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  phoneNumber: text('phone_number').notNull().unique(),
  timeZone: text('time_zone').notNull(),
  forwardingNumber: text('forwarding_number'),
  ringTimeoutSeconds: integer('ring_timeout_seconds').notNull().default(20),
  textBackEnabled: boolean('text_back_enabled').notNull().default(true),
  openingMessage: text('opening_message').notNull(),
  bookingLink: text('booking_link'),
  hours: jsonb('hours').notNull().default(sql`'{}'::jsonb`),
  repeatWindowMinutes: integer('repeat_window_minutes').notNull().default(720),
  flowId: text('flow_id').notNull().default('default'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    phone: text('phone').notNull(),
    name: text('name'),
    email: text('email'),
    isOptedOut: boolean('is_opted_out').notNull().default(false),
    optedOutAt: timestamp('opted_out_at', { withTimezone: true }),
    optOutKeyword: text('opt_out_keyword'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('contacts_business_phone_key').on(table.businessId, table.phone)],
);

export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    holder: text('holder').$type<'bot' | 'human'>().notNull().default('bot'),
    status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
    outcome: text('outcome'),
    botState: jsonb('bot_state'),
    details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
    lastTextBackAt: timestamp('last_text_back_at', { withTimezone: true }),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('conversations_contact_idx').on(table.contactId, table.status)],
);

export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    callSid: text('call_sid').notNull().unique(),
    contactId: uuid('contact_id').references(() => contacts.id),
    conversationId: uuid('conversation_id').references(() => conversations.id),
    callerNumber: text('caller_number'),
    status: text('status').$type<'ringing' | 'answered' | 'missed' | 'unknown'>().notNull().default('ringing'),
    dialStatus: text('dial_status'),
    textBackStatus: text('text_back_status'),
    textBackReason: text('text_back_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('calls_business_idx').on(table.businessId, table.createdAt)],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    direction: text('direction').$type<'inbound' | 'outbound'>().notNull(),
    author: text('author').$type<'lead' | 'bot' | 'staff' | 'system'>().notNull(),
    body: text('body').notNull(),
    status: text('status').notNull(),
    providerId: text('provider_id').unique(),
    segments: integer('segments').notNull().default(1),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    media: jsonb('media').notNull().default(sql`'[]'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('messages_conversation_idx').on(table.conversationId, table.createdAt)],
);

export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    conversationId: uuid('conversation_id').references(() => conversations.id),
    callId: uuid('call_id').references(() => calls.id),
    type: text('type').notNull(),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
  },
  (table) => [index('events_conversation_idx').on(table.conversationId, table.id)],
);
