import { formatClockTime, formatSeparatorTime } from '../../lib/format-time.ts';
import { describeOutcome, sentenceCase } from '../../lib/lead-outcome.ts';
import { describeTextBackReason } from '../../lib/text-back-reason.ts';
import type { InboxEvent } from './inbox-api.ts';

/** Names of workflow step types, as the nudges and alerts they stand for. */
const stepLabels: Partial<Record<string, string>> = {
  send_sms: 'Nudge',
  notify: 'Alert',
  assign: 'Assignment',
  tag: 'Tag',
  add_to_sequence: 'Follow-up',
  remove_from_sequence: 'Follow-up removal',
};

/** Reasons a workflow stops before its last step, as `findStopReason` and steps record them. */
const stopLabels: Partial<Record<string, string>> = {
  opted_out: 'the contact opted out',
  closed: 'the conversation was closed',
  human_took_over: 'staff took over',
  replied: 'the lead replied',
  booked: 'the lead booked',
};

/** Returns one line of the activity log for an event of the conversation's log. */
export function describeEvent(event: InboxEvent): string {
  const data = event.data;
  const who = stringField(data, 'userName') ?? 'Staff';
  switch (event.type) {
    case 'staff.took_over':
      return `${who} took over`;
    case 'staff.handed_back':
      return `${who} handed back to the bot`;
    case 'staff.replied':
      return `${who} replied`;
    case 'staff.assigned': {
      const assignee = stringField(data, 'assigneeName');
      return assignee ? `Assigned to ${assignee}` : 'Unassigned';
    }
    case 'staff.closed':
      return 'Closed';
    case 'staff.reopened':
      return 'Reopened';
    case 'staff.notified': {
      const member = stringField(data, 'member');
      return member ? `${member} was alerted` : 'Team member alerted';
    }
    case 'text_back.sent':
      return 'Text back sent';
    case 'text_back.failed':
      return 'Text back failed';
    case 'text_back.delayed': {
      const dueAt = stringField(data, 'dueAt');
      return dueAt ? `Text back waits until ${formatClockTime(dueAt)}` : 'Text back delayed';
    }
    case 'text_back.skipped': {
      const reason = stringField(data, 'reason');
      return reason ? `No text back: ${describeTextBackReason(reason)}` : 'No text back';
    }
    case 'call.missed':
      return 'Missed call';
    case 'call.answered':
      return 'Call answered';
    case 'call.unknown':
      return 'Call ended, outcome unknown';
    case 'call.voicemail':
      return 'Voicemail left';
    case 'call.screen_accepted':
      return 'Call accepted at screening';
    case 'call.outbound':
      return 'Staff called the lead';
    case 'conversation.qualified':
      return 'Bot sent the booking link';
    case 'conversation.needs_human':
      return 'Bot handed over to staff';
    case 'conversation.discarded':
      return `Bot marked this ${describeOutcome('discarded').toLowerCase()}`;
    case 'conversation.booked':
      return 'Lead booked';
    case 'contact.opted_out':
      return 'Contact opted out';
    case 'contact.opted_in':
      return 'Contact opted back in';
    case 'contact.not_textable':
      return 'Number cannot receive texts';
    case 'message.blocked':
      return 'Text blocked: contact opted out';
    case 'message.likely_opt_out':
      return 'Possible opt-out: bot paused';
    default:
      return describeOtherEvent(event);
  }
}

function describeOtherEvent(event: InboxEvent): string {
  const data = event.data;
  if (event.type.startsWith('workflow.')) {
    return describeWorkflowEvent(event.type.slice('workflow.'.length), data);
  }
  const message = stringField(data, 'message');
  if (event.type.startsWith('bot.') && message) {
    return `Bot: ${message}`;
  }
  return sentenceCase(event.type);
}

function describeWorkflowEvent(type: string, data: Record<string, unknown>): string {
  const step = stepLabels[stringField(data, 'step') ?? ''] ?? 'Step';
  const dueAt = stringField(data, 'dueAt');
  const due = dueAt ? formatDueTime(dueAt) : null;
  switch (type) {
    case 'started':
      return 'Follow-ups started';
    case 'completed':
      return 'Follow-ups finished';
    case 'stopped': {
      const reason = stringField(data, 'reason');
      return reason ? `Follow-ups stopped: ${stopLabels[reason] ?? sentenceCase(reason).toLowerCase()}` : 'Follow-ups stopped';
    }
    case 'step_scheduled':
      return due ? `${step} scheduled for ${due}` : `${step} scheduled`;
    case 'step_deferred':
      return due ? `${step} moved to ${due}` : `${step} moved later`;
    case 'step_skipped':
      return `${step} skipped`;
    case 'sms_sent':
      return 'Nudge sent';
    case 'staff_notified':
      return 'Team member alerted';
    case 'assigned':
      return 'Assigned by a follow-up';
    case 'tagged':
      return 'Tagged by a follow-up';
    case 'sequence_added':
      return 'Follow-up added';
    case 'sequence_removed':
      return 'Follow-up removed';
    default:
      return `Follow-up: ${sentenceCase(type).toLowerCase()}`;
  }
}

/** Formats a due time as a clock time today, or with its day otherwise. */
function formatDueTime(iso: string): string {
  const text = formatSeparatorTime(iso);
  return text.startsWith('Today ') ? text.slice('Today '.length) : text;
}

function stringField(data: Record<string, unknown>, key: string): string | null {
  const value = data[key];
  return typeof value === 'string' && value !== '' ? value : null;
}
