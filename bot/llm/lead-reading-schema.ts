import { z } from 'zod';

export const leadIntents = [
  'answer',
  'question',
  'human_request',
  'wrong_number',
  'not_interested',
  'spam',
  'other',
] as const;

/**
 * The structured output the model must return. The schema stays within what OpenAI's strict
 * structured outputs accept (every field required, no length limits), so limits are checked
 * afterwards by `checkLeadReading`.
 */
export const leadReadingSchema = z.object({
  intent: z.enum(leadIntents),
  slots: z.array(z.object({ slot: z.string(), value: z.string() })),
  faq: z.number().int().nullable(),
  is_correction: z.boolean(),
});

export type LeadReading = z.infer<typeof leadReadingSchema>;
