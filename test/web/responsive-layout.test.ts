import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOwnerEmail, seedDemoOwner } from '../../server/auth/seed-demo-owner.ts';
import { seedDemoBusiness } from '../../server/seed/seed-demo-business.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { buildWebApp } from './support/build-web-app.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { logIn } from './support/log-in.ts';
import { simulateLead } from './support/simulate-lead.ts';
import { startWebServer } from './support/start-web-server.ts';
import type { WebServer } from './support/start-web-server.ts';

// Each viewport gets its own browser context, logged in as the demo owner, on one server with
// one lead who has replied to the text back.

const demoPassword = 'demo password for tests';
const callerLabel = '(555) 555-0123';
const screenshotDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

let database: TestDatabase;
let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  const [webDistDir, opened] = await Promise.all([buildWebApp(), createTestDatabase()]);
  database = opened;
  const business = await seedDemoBusiness(database.db);
  await seedDemoOwner(database.db, business, demoPassword);
  server = await startWebServer(database.db, webDistDir);
  await simulateLead(server, {
    businessNumber: business.phoneNumber,
    callerNumber: '+15555550123',
    replies: ['my water heater is leaking'],
  });
  browser = await launchChromium();
  await mkdir(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

async function openPage(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await logIn(page, server.baseUrl, demoOwnerEmail, demoPassword);
  return page;
}

/** Tells whether the whole element lies inside the viewport horizontally. */
async function isWithinViewportWidth(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  return box !== null && box.x >= 0 && box.x + box.width <= width;
}

describe('layout at 1366 px', () => {
  it('shows side menu and lead details', async () => {
    const page = await openPage(1366, 768);

    await page.locator('.inbox-row', { hasText: callerLabel }).click();
    await page.locator('.transcript').getByText('my water heater is leaking').waitFor();

    expect((await page.locator('.shell-nav').boundingBox())?.width).toBe(232);
    expect(await page.getByRole('complementary', { name: 'Lead details' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Details' }).isVisible()).toBe(false);
  });
});

describe('layout at 1024 px', () => {
  it('gives the reply box room', async () => {
    const page = await openPage(1024, 768);

    await page.locator('.inbox-row', { hasText: callerLabel }).click();
    await page.locator('.transcript').getByText('my water heater is leaking').waitFor();

    const conversation = await page.getByRole('region', { name: 'Conversation', exact: true }).boundingBox();
    const replyBox = await page.getByLabel('Reply to the lead').boundingBox();
    expect(conversation?.width).toBeGreaterThanOrEqual(600);
    expect(replyBox?.width).toBeGreaterThanOrEqual(400);
    expect(await page.getByRole('complementary', { name: 'Lead details' }).isVisible()).toBe(false);
    await page.screenshot({ path: `${screenshotDir}layout-1024-inbox.png` });
  });

  it('opens lead details as a drawer', async () => {
    const page = await openPage(1024, 768);
    await page.locator('.inbox-row', { hasText: callerLabel }).click();
    const details = page.getByRole('complementary', { name: 'Lead details' });

    await page.getByRole('button', { name: 'Details' }).click();

    await details.waitFor();
    expect(await details.getByText('Details collected').isVisible()).toBe(true);
    await page.screenshot({ path: `${screenshotDir}layout-1024-details.png` });
    await details.getByRole('button', { name: 'Close' }).click();
    await details.waitFor({ state: 'hidden' });
  });

  it('keeps flow editor actions on screen', async () => {
    const page = await openPage(1024, 768);

    await page.getByRole('link', { name: 'Bot flows' }).click();
    await page.locator('.flow-check-good').waitFor();

    expect(await isWithinViewportWidth(page, 'button:has-text("Save as new version")')).toBe(true);
    expect(await isWithinViewportWidth(page, '.test-chat')).toBe(true);
    await page.screenshot({ path: `${screenshotDir}layout-1024-flows.png` });
  });
});

describe('layout on a 390 px phone', () => {
  it('folds the menu behind a button', async () => {
    const page = await openPage(390, 844);
    const settingsLink = page.getByRole('link', { name: 'Settings' });
    expect(await settingsLink.isVisible()).toBe(false);

    await page.getByRole('button', { name: 'Menu' }).click();
    await settingsLink.click();

    await page.waitForURL('**/settings');
    await settingsLink.waitFor({ state: 'hidden' });
    expect(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('false');
  });

  it('shows list or conversation, not both', async () => {
    const page = await openPage(390, 844);
    const list = page.getByRole('region', { name: 'Conversations', exact: true });
    expect(await page.locator('.shell-nav').boundingBox().then((box) => box?.height)).toBeLessThan(80);

    await page.locator('.inbox-row', { hasText: callerLabel }).click();
    await page.locator('.transcript').getByText('my water heater is leaking').waitFor();

    expect(await list.isVisible()).toBe(false);
    expect(await isWithinViewportWidth(page, '.reply-composer button[type="submit"]')).toBe(true);
    expect((await page.getByLabel('Reply to the lead').boundingBox())?.width).toBeGreaterThan(220);
    await page.screenshot({ path: `${screenshotDir}layout-390-conversation.png` });
    await page.getByRole('link', { name: 'Conversations' }).click();
    await list.waitFor();
    expect(page.url()).toBe(`${server.baseUrl}/inbox`);
  });

  it('shows lead details full width', async () => {
    const page = await openPage(390, 844);
    await page.locator('.inbox-row', { hasText: callerLabel }).click();

    await page.getByRole('button', { name: 'Details' }).click();

    const details = page.getByRole('complementary', { name: 'Lead details' });
    await details.waitFor();
    expect((await details.boundingBox())?.width).toBe(390);
    await page.screenshot({ path: `${screenshotDir}layout-390-details.png` });
  });

  it('stacks flow editor above test chat', async () => {
    const page = await openPage(390, 844);

    await page.goto(`${server.baseUrl}/flows`);
    await page.locator('.flow-check-good').waitFor();

    const editor = await page.locator('.yaml-editor').boundingBox();
    const chat = await page.getByRole('complementary', { name: 'Try the flow' }).boundingBox();
    expect(editor?.width).toBeGreaterThan(300);
    expect(chat?.y).toBeGreaterThan((editor?.y ?? 0) + (editor?.height ?? 0) - 1);
    expect(await isWithinViewportWidth(page, 'button:has-text("Save as new version")')).toBe(true);
    await page.screenshot({ path: `${screenshotDir}layout-390-flows.png` });
  });
});
