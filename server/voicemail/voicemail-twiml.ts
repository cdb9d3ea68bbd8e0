import type { Business } from '../businesses/business.ts';
import { VoiceResponse } from '../webhooks/twiml.ts';

type VoiceTwiml = InstanceType<typeof VoiceResponse>;

/**
 * Answers a missed call: the business's greeting and a recording when voicemail is on, a
 * short apology otherwise. The text back goes out at once either way; it never waits for the
 * recording.
 */
export function buildMissedCallTwiml(business: Business, publicBaseUrl: string): VoiceTwiml {
  const twiml = new VoiceResponse();
  if (!business.voicemailEnabled) {
    const followUp = business.textBackEnabled ? ' We will text you right away.' : '';
    twiml.say(`Sorry, ${business.name} could not take your call.${followUp}`);
    twiml.hangup();
    return twiml;
  }
  twiml.say(business.voicemailGreeting ?? defaultGreeting(business));
  twiml.record({
    maxLength: business.voicemailMaxSeconds,
    playBeep: true,
    action: `${publicBaseUrl}/webhooks/twilio/voice/recording-done`,
    method: 'POST',
    recordingStatusCallback: `${publicBaseUrl}/webhooks/twilio/voice/recording`,
    recordingStatusCallbackMethod: 'POST',
    ...(business.transcribeVoicemail
      ? { transcribe: true, transcribeCallback: `${publicBaseUrl}/webhooks/twilio/voice/transcription` }
      : {}),
  });
  twiml.hangup();
  return twiml;
}

function defaultGreeting(business: Business): string {
  const textBack = business.textBackEnabled ? ' We will also text you in a moment.' : '';
  return `Sorry, ${business.name} can't take your call right now. Please leave a message after the beep.${textBack}`;
}
