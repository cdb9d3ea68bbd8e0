import { z } from 'zod';

/**
 * The inbox's views: `open` is every open conversation; `needs_human` is open, held by staff,
 * and either handed over by the bot, flagged for attention (a likely opt-out, a landline), or
 * assigned to nobody. A bot handover stays there after it is assigned, until handed back.
 * `booked` lists conversations with a recorded booking, open or closed, and not those where
 * only the booking link was sent.
 */
export const inboxFilters = ['open', 'bot', 'needs_human', 'mine', 'booked', 'opted_out', 'closed', 'all'] as const;

export type InboxFilter = (typeof inboxFilters)[number];

export const inboxQuerySchema = z.object({
  filter: z.enum(inboxFilters).default('open'),
  q: z.string().trim().max(100).optional(),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;
