import type { Database } from '../db/open-database.ts';
import { createBusiness, findBusinessByNumber } from '../businesses/business-repo.ts';
import { businessInputSchema } from '../businesses/business.ts';
import type { Business } from '../businesses/business.ts';

export const demoBusinessNumber = '+15555550100';

/** Creates the demo business the phone simulator calls, unless it already exists. */
export async function seedDemoBusiness(db: Database): Promise<Business> {
  const existing = await findBusinessByNumber(db, demoBusinessNumber);
  if (existing) {
    return existing;
  }
  return createBusiness(db, businessInputSchema.parse({
    name: 'Rivera Plumbing',
    phoneNumber: demoBusinessNumber,
    timeZone: 'America/Chicago',
    forwardingNumber: '+15555550199',
    ringTimeoutSeconds: 20,
    textBackEnabled: true,
    openingMessage:
      'Hi {{contact.first_name | "there"}}, this is {{business.name}}. Sorry we missed your call! ' +
      'How can we help? Reply here and we will get you sorted.',
    bookingLink: 'https://cal.example.com/rivera-plumbing',
    hours: {
      mon: [{ open: '08:00', close: '17:00' }],
      tue: [{ open: '08:00', close: '17:00' }],
      wed: [{ open: '08:00', close: '17:00' }],
      thu: [{ open: '08:00', close: '17:00' }],
      fri: [{ open: '08:00', close: '17:00' }],
    },
    repeatWindowMinutes: 720,
    flowId: 'default',
  }));
}
