import type { Business } from '../businesses/business.ts';
import { VoiceResponse } from '../webhooks/twiml.ts';

type VoiceTwiml = InstanceType<typeof VoiceResponse>;

/**
 * Builds the TwiML for a missed call: the greeting and a recording when voicemail is on, a short
 * apology otherwise. The text back is sent separately without waiting for the recording, and
 * only callers who will be texted (`promiseText`) hear that a text is coming.
 */
export function buildMissedCallTwiml(business: Business, publicBaseUrl: string, promiseText: boolean): VoiceTwiml {
  const twiml = new VoiceResponse();
  if (!business.voicemailEnabled) {
    const followUp = promiseText ? ' We will text you shortly.' : '';
    twiml.say(`Sorry, ${business.name} could not take your call.${followUp}`);
    twiml.hangup();
    return twiml;
  }
  twiml.say(business.voicemailGreeting ?? defaultGreeting(business, promiseText));
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

function defaultGreeting(business: Business, promiseText: boolean): string {
  const textBack = promiseText ? ' We will also text you shortly.' : '';
  return `Sorry, ${business.name} can't take your call right now. Please leave a message after the beep.${textBack}`;
}
