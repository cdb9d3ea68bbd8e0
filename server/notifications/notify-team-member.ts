import type { AppContext } from '../app-context.ts';
import type { Business } from '../businesses/business.ts';
import { recordEvent } from '../events/event-repo.ts';
import type { Mailer } from './smtp-mailer.ts';
import { notifyStaff } from './notify-staff.ts';

export interface TeamMemberAddress {
  name: string;
  phone: string | null;
  email: string | null;
}

export interface NotifyTeamMemberOptions {
  business: Business;
  conversationId: string;
  member: TeamMemberAddress;
  channels: Array<'sms' | 'email' | 'inbox'>;
  kind: string;
  message: string;
  mailer: Mailer | null;
}

export type ChannelResult = 'sent' | 'no_address' | 'no_smtp' | 'failed';

/**
 * Tells one team member about a lead on each chosen channel: an inbox notification, a text to
 * their phone from the business's number, and an e-mail. A channel that fails is reported in
 * the result and the event log and does not stop the others.
 */
export async function notifyTeamMember(
  ctx: AppContext,
  options: NotifyTeamMemberOptions,
): Promise<Record<string, ChannelResult>> {
  const results: Record<string, ChannelResult> = {};
  const log = ctx.log.child({ businessId: options.business.id, conversationId: options.conversationId });
  if (options.channels.includes('inbox')) {
    await notifyStaff(ctx, {
      businessId: options.business.id,
      conversationId: options.conversationId,
      kind: options.kind,
      message: options.message,
    });
    results.inbox = 'sent';
  }
  if (options.channels.includes('sms')) {
    results.sms = await textTeamMember(ctx, options, log);
  }
  if (options.channels.includes('email')) {
    results.email = await emailTeamMember(options, log);
  }
  await recordEvent(ctx.db, {
    businessId: options.business.id,
    conversationId: options.conversationId,
    type: 'staff.notified',
    data: { member: options.member.name, kind: options.kind, channels: results },
  });
  return results;
}

async function textTeamMember(
  ctx: AppContext,
  options: NotifyTeamMemberOptions,
  log: AppContext['log'],
): Promise<ChannelResult> {
  if (!options.member.phone) {
    return 'no_address';
  }
  const link = `${ctx.config.publicBaseUrl}/inbox/${options.conversationId}`;
  const sent = await ctx.provider.sendSms({
    from: options.business.phoneNumber,
    to: options.member.phone,
    body: `${options.message} ${link}`,
    // Delivery of staff texts is not tracked; the callback finds no message and is ignored.
    statusCallbackUrl: `${ctx.config.publicBaseUrl}/webhooks/twilio/sms/status`,
  });
  if (!sent.ok) {
    log.warn({ errorCode: sent.errorCode }, 'team member text failed');
    return 'failed';
  }
  return 'sent';
}

async function emailTeamMember(options: NotifyTeamMemberOptions, log: AppContext['log']): Promise<ChannelResult> {
  if (!options.member.email) {
    return 'no_address';
  }
  if (!options.mailer) {
    return 'no_smtp';
  }
  try {
    await options.mailer.send({
      to: options.member.email,
      subject: `${options.business.name}: a lead needs you`,
      text: options.message,
    });
    return 'sent';
  } catch (err) {
    log.warn({ err }, 'team member e-mail failed');
    return 'failed';
  }
}
