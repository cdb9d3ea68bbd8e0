import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOwnerEmail, seedDemoOwner } from '../../server/auth/seed-demo-owner.ts';
import type { Business } from '../../server/businesses/business.ts';
import { seedDemoBusiness } from '../../server/seed/seed-demo-business.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { buildWebApp } from './support/build-web-app.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { logIn } from './support/log-in.ts';
import { simulateLead, textAsLead } from './support/simulate-lead.ts';
import { startWebServer } from './support/start-web-server.ts';
import type { WebServer } from './support/start-web-server.ts';

// Two leads share one server: one who gives every detail, one whom staff take over and who
// then opts out. The tests run in order on one owner's page.

const demoPassword = 'demo password for tests';
const qualifiedNumber = '+15555550124';
const qualifiedLabel = 'Maria Lopez';
const optedOutNumber = '+15555550125';
const optedOutLabel = '(555) 555-0125';
const screenshotDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

let database: TestDatabase;
let server: WebServer;
let business: Business;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const [webDistDir, opened] = await Promise.all([buildWebApp(), createTestDatabase()]);
  database = opened;
  business = await seedDemoBusiness(database.db);
  await seedDemoOwner(database.db, business, demoPassword);
  server = await startWebServer(database.db, webDistDir);
  await simulateLead(server, {
    businessNumber: business.phoneNumber,
    callerNumber: qualifiedNumber,
    replies: ['water heater is leaking all over the garage', 'Maria Lopez', '55501', 'Saturday at 3pm'],
  });
  await simulateLead(server, { businessNumber: business.phoneNumber, callerNumber: optedOutNumber, replies: ['hello'] });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  await logIn(page, server.baseUrl, demoOwnerEmail, demoPassword);
  await mkdir(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

/** Returns the rendered text of each match, with CSS text transforms applied. */
function renderedTexts(selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) => elements.map((element) => (element as HTMLElement).innerText));
}

describe('conversation labels in Chromium', () => {
  it('labels collected details in sentence case', async () => {
    await page.locator('.inbox-row', { hasText: qualifiedLabel }).click();
    await page.locator('.lead-details').waitFor();

    const labels = await renderedTexts('.lead-details dt');

    expect(labels).toContain('ZIP');
    expect(labels).toContain('Preferred time');
    expect(labels).not.toContain('Preferred Time');
  });

  it('labels every activity entry in words', async () => {
    const entries = await renderedTexts('.lead-activity li > span:first-child');

    expect(entries).toContain('Missed call');
    expect(entries).toContain('Text back sent');
    for (const entry of entries) {
      expect(entry).toMatch(/^[A-Z]/);
    }
  });

  it('marks a qualified lead booked', async () => {
    const row = page.locator('.inbox-row', { hasText: qualifiedLabel });
    const linkSent = await row.innerText();

    await page.getByRole('button', { name: 'Mark booked' }).click();
    await page.locator('.conversation-actions .tag', { hasText: 'Booked' }).waitFor();
    await row.locator('.tag', { hasText: 'Booked' }).waitFor();

    expect(linkSent).toContain('Link sent');
    expect(await page.getByRole('button', { name: 'Mark booked' }).count()).toBe(0);
  });

  it('names the STOP confirmation Automatic', async () => {
    await page.locator('.inbox-row', { hasText: optedOutLabel }).click();
    await page.getByRole('button', { name: 'Take over' }).click();
    await page.locator('[data-holder="human"]').waitFor();

    await textAsLead(server, { businessNumber: business.phoneNumber, callerNumber: optedOutNumber, replies: ['STOP'] });

    const row = page.locator('.inbox-row', { hasText: optedOutLabel });
    await row.locator('.inbox-row-preview', { hasText: 'Automatic: ' }).waitFor();
    await page.locator('.bubble-row[data-author="system"] .bubble-author', { hasText: 'Automatic' }).waitFor();
    expect(await page.locator('.lead-activity').textContent()).toContain('Contact opted out');
  });

  it('disables hand back for an opted-out contact, with the reason', async () => {
    const handBack = page.getByRole('button', { name: 'Hand back to bot' });

    await page.getByText('This contact opted out by texting STOP').waitFor();

    expect(await handBack.isDisabled()).toBe(true);
    expect(await page.locator('.conversation-subtitle .holder-pill').textContent()).toBe('Opted out · nothing is sent');
    expect(await page.locator('#handback-reason').textContent()).toBe('The contact opted out, so the bot cannot text them.');
    await page.screenshot({ path: `${screenshotDir}labels-opted-out.png` });
  });

  it('shows details and the STOP confirmation alike in the simulator', async () => {
    await page.goto(`${server.baseUrl}/simulator`);
    await page.getByLabel('Your number').fill(qualifiedNumber);
    await page.locator('.facts-details').waitFor();

    const labels = await renderedTexts('.facts-details dt');
    const values = await renderedTexts('.facts-details dd');
    expect(labels).toContain('ZIP');
    expect(labels).toContain('Preferred time');
    expect(labels).not.toContain('Preferred time label');
    for (const value of values) {
      expect(value).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
    }
    await page.getByLabel('Your number').fill(optedOutNumber);
    await page.locator('.bubble-row', { hasText: 'Automatic' }).first().waitFor();
  });

  it('names the test chat outcome in words', async () => {
    await page.goto(`${server.baseUrl}/flows`);
    await page.locator('.flow-check-good').waitFor();

    await page.getByLabel('Test message').fill('can I talk to a real person');
    await page.getByRole('button', { name: 'Send' }).click();

    await page.locator('.test-chat-info', { hasText: 'Outcome: Needs a human' }).waitFor();
  });

  it('explains a blocked test chat in full', async () => {
    const editor = page.getByLabel('Flow YAML');

    await editor.fill((await editor.inputValue()).replace(/^start: .*$/m, 'start: nowhere'));

    await page.getByText('Fix the problems in the flow to try it.').waitFor();
    const input = page.getByLabel('Test message');
    const isPlaceholderCut = await input.evaluate((element: HTMLInputElement) => {
      const probe = document.createElement('span');
      probe.style.font = getComputedStyle(element).font;
      probe.textContent = element.placeholder;
      document.body.append(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      return width > element.clientWidth;
    });
    expect(isPlaceholderCut).toBe(false);
  });

  it('names bot flows and lists current time zones', async () => {
    await page.goto(`${server.baseUrl}/settings`);
    const flowSelect = page.getByLabel('Bot flow');
    await flowSelect.locator('option', { hasText: 'Home services qualifier' }).waitFor({ state: 'attached' });

    const zones = await page.getByLabel('Time zone').locator('option').allTextContents();

    expect(await flowSelect.locator('option:checked').textContent()).toBe('Home services qualifier');
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).not.toContain('Asia/Calcutta');
    expect(zones).not.toContain('Europe/Kiev');
  });

  it('keeps a saved old time zone name selectable', async () => {
    await page.evaluate(async () => {
      await fetch('/app-api/settings', {
        method: 'PATCH',
        headers: { 'X-Requested-With': 'textback', 'Content-Type': 'application/json' },
        body: JSON.stringify({ timeZone: 'Asia/Calcutta' }),
      });
    });

    await page.reload();

    const zone = page.getByLabel('Time zone');
    await zone.locator('option[value="Asia/Calcutta"]').waitFor({ state: 'attached' });
    expect(await zone.inputValue()).toBe('Asia/Calcutta');
  });

  it('serves an SVG favicon', async () => {
    const href = await page.locator('link[rel="icon"]').getAttribute('href');

    const response = await page.request.get(`${server.baseUrl}${href}`);

    expect(href).toBe('/favicon.svg');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('image/svg+xml');
  });
});
