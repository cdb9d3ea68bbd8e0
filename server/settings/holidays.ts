import { z } from 'zod';

/** A day the business is closed all day, in its own time zone. */
export const holidaySchema = z.object({
  date: z.iso.date('Use a date such as 2026-12-25'),
  name: z.string().trim().max(60).default(''),
});
export type Holiday = z.infer<typeof holidaySchema>;

export const holidaysSchema = z.array(holidaySchema).max(60, 'At most 60 holidays');
