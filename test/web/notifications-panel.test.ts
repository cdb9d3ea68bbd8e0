import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookAuthToken } from '../../server/app-context.ts';
import { seedDemoOwner } from '../../server/auth/seed-demo-owner.ts';
import type { Business } from '../../server/businesses/business.ts';
import { seedDemoBusiness } from '../../server/seed/seed-demo-business.ts';
import { createWebhookPoster } from '../../server/simulator/create-webhook-poster.ts';
import { callParams } from '../support/seed.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { buildWebApp } from './support/build-web-app.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { startWebServer } from './support/start-web-server.ts';
import type { WebServer } from './support/start-web-server.ts';

const demoPassword = 'demo password for tests';
const screenshotDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

let database: TestDatabase;
let server: WebServer;
let business: Business;
let browser: Browser;
let inbox: Page;

beforeAll(async () => {
  const [webDistDir, opened] = await Promise.all([buildWebApp(), createTestDatabase()]);
  database = opened;
  business = await seedDemoBusiness(database.db);
  await seedDemoOwner(database.db, business, demoPassword);
  server = await startWebServer(database.db, webDistDir);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(15_000);
  inbox = await context.newPage();
  await mkdir(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

/** Posts a missed call from a withheld number, signed as Twilio would sign it. */
async function missCallFromWithheldNumber(): Promise<void> {
  const post = createWebhookPoster({
    localBaseUrl: server.baseUrl,
    publicBaseUrl: server.baseUrl,
    authToken: webhookAuthToken(server.ctx.config),
    log: server.ctx.log,
  });
  const call = callParams({ From: 'Anonymous', Caller: 'Anonymous', To: business.phoneNumber });
  await post('/webhooks/twilio/voice', call);
  await post('/webhooks/twilio/voice/dial-status', { ...call, DialCallStatus: 'no-answer' });
}

describe('notifications panel in Chromium', () => {
  it('shows a withheld caller live', async () => {
    await inbox.goto(`${server.baseUrl}/login`);
    await inbox.getByLabel('E-mail').fill('owner@example.com');
    await inbox.getByLabel('Password').fill(demoPassword);
    await inbox.getByRole('button', { name: 'Log in' }).click();
    await inbox.waitForURL('**/inbox');
    const bell = inbox.getByRole('button', { name: /^Notifications/ });
    await bell.click();
    await inbox.getByText('Nothing needs you right now.').waitFor();

    await missCallFromWithheldNumber();

    const item = inbox.locator('.notification-item', { hasText: 'Missed call, caller ID withheld' });
    await item.waitFor();
    expect(await bell.getAttribute('aria-label')).toBe('Notifications, 1 unread');
    expect(await item.getAttribute('class')).toContain('notification-item-unread');
    await inbox.screenshot({ path: `${screenshotDir}notifications-panel.png` });

    await item.getByRole('button', { name: 'Mark read' }).click();

    await inbox.locator('.notification-item:not(.notification-item-unread)').waitFor();
    expect(await bell.getAttribute('aria-label')).toBe('Notifications');
  });
});
