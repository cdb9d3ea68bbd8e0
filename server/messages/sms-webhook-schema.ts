import { z } from 'zod';
import type { MediaAttachment } from './message-repo.ts';

export const inboundSmsSchema = z
  .object({
    MessageSid: z.string().trim().min(1, 'MessageSid is missing').max(64),
    From: z.string().trim().min(1, 'From is missing').max(64),
    To: z.string().trim().min(1, 'To is missing').max(64),
    Body: z.string().max(5000).optional(),
    NumMedia: z.coerce.number().int().min(0).max(10).optional(),
    OptOutType: z.string().max(16).optional(),
  })
  .catchall(z.unknown());
export type InboundSms = z.infer<typeof inboundSmsSchema>;

export const smsStatusSchema = z.object({
  MessageSid: z.string().trim().min(1, 'MessageSid is missing').max(64),
  MessageStatus: z.string().trim().min(1, 'MessageStatus is missing').max(32),
  ErrorCode: z.string().max(16).optional(),
  ErrorMessage: z.string().max(500).optional(),
});
export type SmsStatus = z.infer<typeof smsStatusSchema>;

/** Collects `MediaUrlN` / `MediaContentTypeN` pairs, which Twilio numbers from 0. */
export function readMedia(form: InboundSms): MediaAttachment[] {
  const media: MediaAttachment[] = [];
  for (let index = 0; index < (form.NumMedia ?? 0); index += 1) {
    const url = form[`MediaUrl${index}`];
    const contentType = form[`MediaContentType${index}`];
    if (typeof url === 'string' && url !== '') {
      media.push({ url, contentType: typeof contentType === 'string' ? contentType : 'application/octet-stream' });
    }
  }
  return media;
}
