import type { AppContext } from '../app-context.ts';
import type { LineType } from '../providers/sms-provider.ts';
import { updateContactLineType } from './contact-repo.ts';
import type { Contact } from './contact-repo.ts';

/** A line type is looked up once per number in this time. */
export const lineTypeCacheMs = 30 * 24 * 60 * 60_000;
/** The text back is time-critical: past this the lookup is abandoned and the text is sent. */
export const lineTypeTimeoutMs = 3_000;

/**
 * Returns the contact's line type from the cache or a provider lookup. A failed or slow lookup
 * returns `unknown`, is not cached, and so never stops a text.
 */
export async function checkLineType(ctx: AppContext, contact: Contact): Promise<LineType> {
  const checkedAt = contact.lineTypeCheckedAt?.getTime();
  if (contact.lineType && checkedAt !== undefined && ctx.now().getTime() - checkedAt < lineTypeCacheMs) {
    return contact.lineType;
  }
  const log = ctx.log.child({ businessId: contact.businessId, contactId: contact.id });
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('Line type lookup timed out')), lineTypeTimeoutMs);
    });
    const lineType = await Promise.race([ctx.provider.lookupLineType(contact.phone), timeout]);
    await updateContactLineType(ctx.db, contact.id, { lineType, checkedAt: ctx.now() });
    return lineType;
  } catch (err) {
    log.warn({ err }, 'line type lookup failed; texting anyway');
    return 'unknown';
  } finally {
    clearTimeout(timer);
  }
}
