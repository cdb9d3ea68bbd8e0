import { z } from 'zod';
import { requestJson } from '../../lib/api-client.ts';

export const inboxFilters = [
  { id: 'open', label: 'Open' },
  { id: 'needs_human', label: 'Needs a human' },
  { id: 'mine', label: 'Mine' },
  { id: 'bot', label: 'Bot handling' },
  { id: 'booked', label: 'Booked' },
  { id: 'opted_out', label: 'Opted out' },
  { id: 'closed', label: 'Closed' },
] as const;
export type InboxFilter = (typeof inboxFilters)[number]['id'] | 'all';

const contactSummarySchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  phone: z.string(),
  isOptedOut: z.boolean(),
});

const inboxItemSchema = z.object({
  id: z.string(),
  holder: z.enum(['bot', 'human']),
  status: z.enum(['open', 'closed']),
  outcome: z.string().nullable(),
  bookedAt: z.string().nullable(),
  assigneeId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  contact: contactSummarySchema,
  lastMessage: z
    .object({ body: z.string(), direction: z.string(), author: z.string(), createdAt: z.string() })
    .nullable(),
  unreadCount: z.number(),
  activityAt: z.string(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

const inboxListSchema = z.object({
  conversations: z.array(inboxItemSchema),
  counts: z.record(z.string(), z.number()),
});
export type InboxList = z.infer<typeof inboxListSchema>;

const messageSchema = z.object({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  author: z.enum(['lead', 'bot', 'staff', 'system']),
  body: z.string(),
  status: z.string(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  createdAt: z.string(),
});
export type InboxMessage = z.infer<typeof messageSchema>;

const callSchema = z.object({
  id: z.string(),
  callerNumber: z.string().nullable(),
  status: z.string(),
  dialStatus: z.string().nullable(),
  textBackStatus: z.string().nullable(),
  textBackReason: z.string().nullable(),
  verdictLabel: z.string(),
  voicemail: z
    .object({
      id: z.string(),
      durationSeconds: z.number().nullable(),
      transcript: z.string().nullable(),
      audioUrl: z.string().nullable(),
    })
    .nullable(),
  createdAt: z.string(),
});
export type InboxCall = z.infer<typeof callSchema>;

const eventSchema = z.object({
  id: z.number(),
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type InboxEvent = z.infer<typeof eventSchema>;

const noteSchema = z.object({
  id: z.string(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export type InboxNote = z.infer<typeof noteSchema>;

const nudgeSchema = z.object({
  id: z.string(),
  label: z.string(),
  dueAt: z.string(),
  status: z.string(),
});
export type InboxNudge = z.infer<typeof nudgeSchema>;

const conversationSchema = z.object({
  id: z.string(),
  holder: z.enum(['bot', 'human']),
  status: z.enum(['open', 'closed']),
  outcome: z.string().nullable(),
  outcomeReason: z.string().nullable(),
  bookedAt: z.string().nullable(),
  assigneeId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  currentStepId: z.string().nullable(),
  createdAt: z.string(),
  contact: z.object({
    id: z.string(),
    name: z.string().nullable(),
    phone: z.string(),
    email: z.string().nullable(),
    isOptedOut: z.boolean(),
    optedOutAt: z.string().nullable(),
  }),
  messages: z.array(messageSchema),
  calls: z.array(callSchema),
  events: z.array(eventSchema),
  notes: z.array(noteSchema),
  nudges: z.array(nudgeSchema).default([]),
});
export type ConversationDetail = z.infer<typeof conversationSchema>;

const memberSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['owner', 'staff']),
});
export type TeamMember = z.infer<typeof memberSchema>;

const okSchema = z.unknown();
const base = '/app-api/conversations';

/** Calls to the inbox API; the server scopes every one to the user's business. */
export const inboxApi = {
  list(filter: InboxFilter, q: string, signal?: AbortSignal): Promise<InboxList> {
    const query = new URLSearchParams({ filter });
    if (q.trim() !== '') {
      query.set('q', q.trim());
    }
    return requestJson(`${base}?${query.toString()}`, inboxListSchema, { signal });
  },

  read(id: string, signal?: AbortSignal): Promise<ConversationDetail> {
    return requestJson(`${base}/${id}`, z.object({ conversation: conversationSchema }), { signal }).then(
      (body) => body.conversation,
    );
  },

  markRead(id: string): Promise<unknown> {
    return requestJson(`${base}/${id}/read`, okSchema, { method: 'POST' });
  },

  reply(id: string, body: string): Promise<{ message: InboxMessage }> {
    return requestJson(`${base}/${id}/messages`, z.object({ message: messageSchema }), {
      method: 'POST',
      body: { body },
    });
  },

  addNote(id: string, body: string): Promise<unknown> {
    return requestJson(`${base}/${id}/notes`, okSchema, { method: 'POST', body: { body } });
  },

  act(id: string, action: 'takeover' | 'handback' | 'close' | 'reopen'): Promise<unknown> {
    return requestJson(`${base}/${id}/${action}`, okSchema, { method: 'POST' });
  },

  /** Records that the lead booked; marking a booked conversation again keeps the first time. */
  markBooked(id: string): Promise<{ bookedAt: string }> {
    const bookingSchema = z.object({ bookedAt: z.string() });
    return requestJson(`${base}/${id}/booking`, bookingSchema, { method: 'POST' });
  },

  assign(id: string, userId: string | null): Promise<unknown> {
    return requestJson(`${base}/${id}/assign`, okSchema, { method: 'POST', body: { userId } });
  },

  listTeam(signal?: AbortSignal): Promise<TeamMember[]> {
    return requestJson('/app-api/team', z.object({ members: z.array(memberSchema) }), { signal }).then(
      (body) => body.members,
    );
  },
};
