import type { AppContext } from '../app-context.ts';
import type { Business } from '../businesses/business.ts';
import { findHolidays } from '../settings/holiday-repo.ts';
import { findAutomationSettings } from './automation-settings.ts';
import { isBusinessOpenAt } from './find-business-open-time.ts';

/** The text back's template: the after-hours message when the business is closed and has one. */
export async function chooseOpeningTemplate(ctx: AppContext, business: Business): Promise<string> {
  const settings = await findAutomationSettings(ctx.db, business.id);
  if (!settings.afterHoursMessage) {
    return business.openingMessage;
  }
  const holidays = await findHolidays(ctx.db, business.id);
  const isOpen = isBusinessOpenAt(ctx.now(), { timeZone: business.timeZone, hours: business.hours, holidays });
  return isOpen ? business.openingMessage : settings.afterHoursMessage;
}
