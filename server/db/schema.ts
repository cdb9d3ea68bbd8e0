import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { CallVerdict } from '../calls/call-webhook-schema.ts';
import type { LineType } from '../providers/sms-provider.ts';
import {
  bigserial,
  customType,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Raw bytes; Drizzle 0.45 has no built-in bytea column for PostgreSQL. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

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
  holidays: jsonb('holidays').notNull().default(sql`'[]'::jsonb`),
  minRingSeconds: integer('min_ring_seconds').notNull().default(5),
  shortCallRule: text('short_call_rule').$type<'text' | 'skip'>().notNull().default('text'),
  sendOptOutConfirmation: boolean('send_opt_out_confirmation').notNull().default(false),
  lineTypeLookup: boolean('line_type_lookup').notNull().default(false),
  connectionMode: text('connection_mode')
    .$type<'ring_through' | 'forwarded'>()
    .notNull()
    .default('ring_through'),
  carrierNumber: text('carrier_number'),
  voicemailEnabled: boolean('voicemail_enabled').notNull().default(true),
  voicemailGreeting: text('voicemail_greeting'),
  voicemailMaxSeconds: integer('voicemail_max_seconds').notNull().default(120),
  transcribeVoicemail: boolean('transcribe_voicemail').notNull().default(false),
  callScreening: boolean('call_screening').notNull().default(false),
  shortAnswerSeconds: integer('short_answer_seconds').notNull().default(0),
  /** Workflow and quiet-hours settings, parsed by `automationSettingsSchema`. */
  automation: jsonb('automation').notNull().default(sql`'{}'::jsonb`),
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
    isTextable: boolean('is_textable').notNull().default(true),
    notTextableReason: text('not_textable_reason'),
    lineType: text('line_type').$type<LineType>(),
    lineTypeCheckedAt: timestamp('line_type_checked_at', { withTimezone: true }),
    /** Labels owners and workflows put on a contact, such as `do-not-nurture`. */
    tags: jsonb('tags').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
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
    /** The reason for a handoff or a discard, such as "Lead asked for a person". */
    outcomeReason: text('outcome_reason'),
    botState: jsonb('bot_state'),
    details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
    lastTextBackAt: timestamp('last_text_back_at', { withTimezone: true }),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
    attentionReason: text('attention_reason'),
    /** The bot's one-line lead summary with the outcome, for staff. */
    summary: text('summary'),
    /** Booking time of the lead's appointment; a sent booking link alone leaves this null. */
    bookedAt: timestamp('booked_at', { withTimezone: true }),
    assigneeId: uuid('assignee_id').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
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
    durationSeconds: integer('duration_seconds'),
    verdict: text('verdict').$type<CallVerdict>(),
    answeredBy: text('answered_by'),
    forwardedFrom: text('forwarded_from'),
    isScreenAccepted: boolean('is_screen_accepted').notNull().default(false),
    endedAt: timestamp('ended_at', { withTimezone: true }),
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
    botHandledAt: timestamp('bot_handled_at', { withTimezone: true }),
    /** Arrival order; timestamps can tie within a burst. */
    sequence: bigserial('sequence', { mode: 'number' }).notNull(),
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

export const mediaFiles = pgTable(
  'media_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id),
    position: integer('position').notNull(),
    sourceUrl: text('source_url').notNull(),
    contentType: text('content_type').notNull(),
    status: text('status').$type<'pending' | 'stored' | 'failed'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sizeBytes: integer('size_bytes'),
    data: bytea('data'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('media_files_message_position_key').on(table.messageId, table.position)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    conversationId: uuid('conversation_id').references(() => conversations.id),
    callId: uuid('call_id').references(() => calls.id),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index('notifications_business_idx').on(table.businessId, table.createdAt)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    /** Stored lower-cased, so logging in ignores the case of the address. */
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role').$type<'owner' | 'staff'>().notNull(),
    /** `scrypt$N$r$p$salt$hash`, salt and hash in base64. */
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('users_business_idx').on(table.businessId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the cookie's token, so a database leak does not leak live sessions. */
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

export const notes = pgTable(
  'notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('notes_conversation_idx').on(table.conversationId, table.createdAt)],
);

export const conversationReads = pgTable(
  'conversation_reads',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.conversationId] })],
);

/** Bot flows by id; `currentHash` names the version new conversations start on. */
export const flows = pgTable('flows', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  currentHash: text('current_hash').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * Every saved version of a flow's YAML. Conversations store the hash of the version they started
 * on, so versions are never deleted.
 */
export const flowVersions = pgTable(
  'flow_versions',
  {
    flowId: text('flow_id')
      .notNull()
      .references(() => flows.id),
    hash: text('hash').notNull(),
    /** 1 for the first saved version of a flow, then counting up. */
    number: integer('number').notNull(),
    label: text('label').notNull(),
    source: text('source').notNull(),
    origin: text('origin').$type<'file' | 'api'>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.flowId, table.hash] }),
    uniqueIndex('flow_versions_number_key').on(table.flowId, table.number),
  ],
);

/**
 * A business's own flows. The rows in `flows` are templates every business can run; a business
 * flow with a template's id replaces that template for its business only.
 */
export const businessFlows = pgTable(
  'business_flows',
  {
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    id: text('id').notNull(),
    name: text('name').notNull(),
    currentHash: text('current_hash').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [primaryKey({ columns: [table.businessId, table.id] })],
);

/** Every saved version of a business's own flow, kept like `flow_versions` for pinning. */
export const businessFlowVersions = pgTable(
  'business_flow_versions',
  {
    businessId: uuid('business_id').notNull(),
    flowId: text('flow_id').notNull(),
    hash: text('hash').notNull(),
    /** 1 for the business's first saved version of the flow, then counting up. */
    number: integer('number').notNull(),
    label: text('label').notNull(),
    source: text('source').notNull(),
    origin: text('origin').$type<'api'>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.businessId, table.flowId, table.hash] }),
    uniqueIndex('business_flow_versions_number_key').on(table.businessId, table.flowId, table.number),
    foreignKey({
      columns: [table.businessId, table.flowId],
      foreignColumns: [businessFlows.businessId, businessFlows.id],
    }),
  ],
);

export const voicemails = pgTable('voicemails', {
  id: uuid('id').primaryKey().defaultRandom(),
  businessId: uuid('business_id')
    .notNull()
    .references(() => businesses.id),
  callId: uuid('call_id')
    .notNull()
    .unique()
    .references(() => calls.id),
  conversationId: uuid('conversation_id').references(() => conversations.id),
  recordingSid: text('recording_sid').notNull(),
  recordingUrl: text('recording_url').notNull(),
  durationSeconds: integer('duration_seconds'),
  status: text('status').$type<'pending' | 'stored' | 'failed'>().notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  contentType: text('content_type'),
  data: bytea('data'),
  transcript: text('transcript'),
  transcriptStatus: text('transcript_status'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * A business's own workflow definitions, added through the REST API. A row whose `key` matches
 * a workflow file under `flows/workflows/` replaces that file's workflow for the business.
 */
export const workflows = pgTable(
  'workflows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    key: text('key').notNull(),
    /** The definition as submitted (YAML or JSON text); `definition` is its parsed form. */
    source: text('source').notNull(),
    definition: jsonb('definition').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('workflows_business_key_key').on(table.businessId, table.key)],
);

/** One workflow started for one conversation; it ends completed or stopped, never both. */
export const workflowRuns = pgTable(
  'workflow_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    workflowKey: text('workflow_key').notNull(),
    /** The definition the run started on, so editing a workflow does not change running ones. */
    definition: jsonb('definition').notNull(),
    trigger: text('trigger').notNull(),
    status: text('status').$type<'active' | 'completed' | 'stopped'>().notNull().default('active'),
    stopReason: text('stop_reason'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (table) => [
    index('workflow_runs_conversation_idx').on(table.conversationId, table.status),
    uniqueIndex('workflow_runs_active_key')
      .on(table.conversationId, table.workflowKey)
      .where(sql`status = 'active'`),
  ],
);

/**
 * Each step of a run as it is scheduled, then done, skipped or cancelled. A step runs only after
 * a worker moves it from `scheduled` to `running`, so a job delivered twice acts once.
 */
export const workflowSteps = pgTable(
  'workflow_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => workflowRuns.id),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    position: integer('position').notNull(),
    type: text('type').notNull(),
    status: text('status')
      .$type<'scheduled' | 'running' | 'done' | 'skipped' | 'cancelled'>()
      .notNull()
      .default('scheduled'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    reason: text('reason'),
    /** The scheduler's job that runs this step, cancelled when the run stops. */
    jobId: text('job_id'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    index('workflow_steps_run_idx').on(table.runId, table.position),
    index('workflow_steps_due_idx').on(table.status, table.dueAt),
    // The cap and cooldown checks read a contact's steps by conversation before every text.
    index('workflow_steps_conversation_idx').on(table.conversationId, table.type),
  ],
);

/**
 * One "call me to test" check of a business's conditional forwarding: textback calls the
 * carrier number, lets it ring unanswered and waits for the carrier to forward it back.
 */
export const forwardingChecks = pgTable(
  'forwarding_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    status: text('status').$type<'pending' | 'passed' | 'failed'>().notNull().default('pending'),
    /** The number called, as it was when the check started. */
    carrierNumber: text('carrier_number').notNull(),
    /** The provider's id of the outgoing test call, once placed. */
    outboundCallSid: text('outbound_call_sid'),
    /** The `CallSid` of the forwarded call that came back, so its later webhooks are ignored too. */
    forwardedCallSid: text('forwarded_call_sid').unique(),
    failureReason: text('failure_reason'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [index('forwarding_checks_business_idx').on(table.businessId, table.startedAt)],
);

/**
 * The lease of the bot turn running for a conversation. Server processes sharing a database take
 * a conversation's turns one at a time, so no turn works from bot state another is replacing.
 */
export const botTurnLeases = pgTable('bot_turn_leases', {
  conversationId: uuid('conversation_id')
    .primaryKey()
    .references(() => conversations.id, { onDelete: 'cascade' }),
  /** Expiry time, after which another turn may take the lease from a holder that died. */
  leasedUntil: timestamp('leased_until', { withTimezone: true }).notNull(),
});
