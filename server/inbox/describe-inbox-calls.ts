import type { Database } from '../db/open-database.ts';
import type { Call } from '../calls/call-repo.ts';
import { describeVerdict } from '../calls/describe-verdict.ts';
import { listVoicemailsForConversation } from '../voicemail/voicemail-repo.ts';
import type { Voicemail } from '../voicemail/voicemail-repo.ts';

/** A voicemail as staff see it; the recording's Twilio URL stays on the server. */
export interface InboxVoicemail {
  id: string;
  durationSeconds: number | null;
  transcript: string | null;
  /** Null until the recording has been downloaded; the web app plays it from this path. */
  audioUrl: string | null;
}

export type InboxCall = Call & { verdictLabel: string; voicemail: InboxVoicemail | null };

/** Adds each call's verdict in plain words and its voicemail, if the caller left one. */
export async function describeInboxCalls(
  db: Database,
  conversationId: string,
  calls: Call[],
): Promise<InboxCall[]> {
  const voicemails =
    calls.length > 0 ? await listVoicemailsForConversation(db, conversationId) : [];
  return calls.map((call) => {
    const voicemail = voicemails.find((candidate) => candidate.callId === call.id);
    return {
      ...call,
      verdictLabel: describeVerdict(call.verdict, call.durationSeconds),
      voicemail: voicemail ? toInboxVoicemail(voicemail) : null,
    };
  });
}

function toInboxVoicemail(voicemail: Voicemail): InboxVoicemail {
  return {
    id: voicemail.id,
    durationSeconds: voicemail.durationSeconds,
    transcript: voicemail.transcript,
    audioUrl: voicemail.status === 'stored' ? `/app-api/voicemails/${voicemail.id}/audio` : null,
  };
}
