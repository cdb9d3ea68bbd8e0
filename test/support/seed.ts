import { createBusiness } from '../../server/businesses/business-repo.ts';
import { businessInputSchema } from '../../server/businesses/business.ts';
import type { Business, BusinessInput } from '../../server/businesses/business.ts';
import type { Database } from '../../server/db/open-database.ts';

export const businessNumber = '+15555550100';
export const forwardingNumber = '+15555550199';
export const leadNumber = '+15555550104';

/** Creates a plumbing business with text back on, overriding any settings given. */
export function seedBusiness(db: Database, overrides: Partial<BusinessInput> = {}): Promise<Business> {
  return createBusiness(db, businessInputSchema.parse({
    name: 'Rivera Plumbing',
    phoneNumber: businessNumber,
    timeZone: 'America/Chicago',
    forwardingNumber,
    ringTimeoutSeconds: 20,
    textBackEnabled: true,
    openingMessage: 'Hi {{contact.first_name | "there"}}, {{business.name}} here. Sorry we missed you! How can we help?',
    bookingLink: 'https://cal.example.com/rivera',
    hours: {},
    repeatWindowMinutes: 720,
    flowId: 'default',
    ...overrides,
  }));
}

let callCounter = 0;

/** Twilio's fields for a call from the lead to the business, with a fresh CallSid. */
export function callParams(overrides: Record<string, string> = {}): Record<string, string> {
  callCounter += 1;
  return {
    AccountSid: 'ACtest00000000000000000000000000',
    ApiVersion: '2010-04-01',
    CallSid: `CA${String(callCounter).padStart(32, '0')}`,
    CallStatus: 'ringing',
    Direction: 'inbound',
    From: leadNumber,
    To: businessNumber,
    Caller: leadNumber,
    Called: businessNumber,
    FromCity: 'SPRINGFIELD',
    FromState: 'IL',
    ...overrides,
  };
}

let messageCounter = 0;

/** Twilio's fields for a text from the lead to the business, with a fresh MessageSid. */
export function smsParams(body: string, overrides: Record<string, string> = {}): Record<string, string> {
  messageCounter += 1;
  return {
    AccountSid: 'ACtest00000000000000000000000000',
    ApiVersion: '2010-04-01',
    MessageSid: `SM${String(messageCounter).padStart(32, '0')}`,
    SmsSid: `SM${String(messageCounter).padStart(32, '0')}`,
    From: leadNumber,
    To: businessNumber,
    Body: body,
    NumMedia: '0',
    NumSegments: '1',
    ...overrides,
  };
}
