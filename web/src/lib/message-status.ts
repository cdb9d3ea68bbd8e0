export type MessageStatusTone = 'pending' | 'sent' | 'delivered' | 'failed';

export interface MessageStatusLabel {
  /** Tick marks as in messaging apps: none while pending, one when sent, two once delivered. */
  ticks: string;
  label: string;
  tone: MessageStatusTone;
}

/** Maps a message's delivery status, in Twilio's vocabulary, to the ticks and words shown. */
export function describeMessageStatus(status: string): MessageStatusLabel {
  switch (status) {
    case 'accepted':
    case 'scheduled':
    case 'queued':
    case 'sending':
    case 'receiving':
      return { ticks: '', label: capitalize(status), tone: 'pending' };
    case 'sent':
      return { ticks: '✓', label: 'Sent', tone: 'sent' };
    case 'delivered':
    case 'received':
    case 'read':
      return { ticks: '✓✓', label: capitalize(status), tone: 'delivered' };
    case 'failed':
    case 'undelivered':
    case 'canceled':
      return { ticks: '!', label: capitalize(status), tone: 'failed' };
    default:
      return { ticks: '', label: capitalize(status.replace(/[_-]/g, ' ')), tone: 'pending' };
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
