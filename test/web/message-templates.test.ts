import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOwnerEmail, seedDemoOwner } from '../../server/auth/seed-demo-owner.ts';
import { demoBusinessNumber, seedDemoBusiness } from '../../server/seed/seed-demo-business.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { buildWebApp } from './support/build-web-app.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { logIn } from './support/log-in.ts';
import { startWebServer } from './support/start-web-server.ts';
import type { WebServer } from './support/start-web-server.ts';

// The tests run in order on one settings page, as one owner editing the opening message, then
// the after-hours one.

const demoPassword = 'demo password for tests';
const screenshotDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

let database: TestDatabase;
let server: WebServer;
let browser: Browser;
let page: Page;
let section: Locator;
let editor: Locator;

beforeAll(async () => {
  const [webDistDir, opened] = await Promise.all([buildWebApp(), createTestDatabase()]);
  database = opened;
  const business = await seedDemoBusiness(database.db);
  await seedDemoOwner(database.db, business, demoPassword);
  server = await startWebServer(database.db, webDistDir);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  await logIn(page, server.baseUrl, demoOwnerEmail, demoPassword);
  await page.goto(`${server.baseUrl}/settings`);
  section = page.getByRole('region', { name: 'Opening message' });
  editor = section.getByRole('textbox', { name: 'Opening message' });
  await editor.waitFor();
  await mkdir(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

describe('opening message editor in Chromium', () => {
  it('blocks saving an unknown field and marks it', async () => {
    await editor.fill('Hi {{contact.nickname}}, thanks for calling {{business.name}}!');

    const mark = section.locator('.preview-unknown-field');
    await mark.waitFor();
    const counter = section.locator('.segment-counter');
    expect(await mark.textContent()).toBe('{{contact.nickname}}');
    expect(await section.getByTestId('opening-preview').textContent()).toBe(
      'Hi {{contact.nickname}}, thanks for calling Rivera Plumbing!',
    );
    expect(await counter.getAttribute('data-state')).toBe('invalid');
    expect(await counter.locator('strong').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
    expect(await page.getByText('Fix the opening message to save').isVisible()).toBe(true);
    await section.screenshot({ path: `${screenshotDir}opening-message-unknown-field.png` });
  });

  it('allows saving once the field is fixed', async () => {
    await editor.fill('Hi {{contact.first_name | "there"}}, thanks for calling {{business.name}}!');

    await section.locator('.segment-counter[data-state="valid"]').waitFor();
    expect(await section.locator('.preview-unknown-field').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(false);
  });

  it('blocks saving an empty message', async () => {
    await editor.fill('   ');

    await section.locator('.field-problems').getByText('The message is empty').waitFor();
    expect(await page.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
  });

  it('names the split size of a long GSM-7 message', async () => {
    await editor.fill('A'.repeat(200));

    const counter = section.locator('.segment-counter');
    await counter.filter({ hasText: '2 segments' }).waitFor();
    expect(await counter.textContent()).toContain('up to 153 characters');
  });

  it('names the UCS-2 sizes for one and several segments', async () => {
    const counter = section.locator('.segment-counter');

    await editor.fill('Thanks for calling 🔧');
    await counter.filter({ hasText: 'UCS-2' }).waitFor();
    const single = await counter.textContent();
    await editor.fill(`Thanks for calling 🔧 ${'a'.repeat(80)}`);
    await counter.filter({ hasText: '2 segments' }).waitFor();
    const split = await counter.textContent();

    expect(single).toContain('fits 70 code units in one segment');
    expect(split).toContain('segments of up to 67 code units');
    expect(split).not.toContain('70 per segment');
  });
});

describe('after-hours message editor in Chromium', () => {
  it('offers the field picker, preview and counter', async () => {
    const followUps = page.getByRole('region', { name: 'Follow-ups and alerts' });
    const afterHours = followUps.getByRole('textbox', { name: 'After-hours opening message' });
    await afterHours.fill('Hi {{contact.first_name | "there"}}, we are closed. ');
    await afterHours.press('End');

    await followUps.getByRole('button', { name: 'Business name' }).click();

    const preview = followUps.getByTestId('opening-preview');
    await preview.filter({ hasText: 'Rivera Plumbing' }).waitFor();
    expect(await afterHours.inputValue()).toBe('Hi {{contact.first_name | "there"}}, we are closed. {{business.name}}');
    expect(await preview.textContent()).toBe('Hi there, we are closed. Rivera Plumbing');
    expect(await followUps.locator('.segment-counter').textContent()).toContain('1 segment');
  });

  it('blocks saving an unknown field', async () => {
    const followUps = page.getByRole('region', { name: 'Follow-ups and alerts' });

    await followUps.getByRole('textbox', { name: 'After-hours opening message' }).fill('Closed, {{contact.nickname}}');

    await followUps.locator('.preview-unknown-field').waitFor();
    expect(await followUps.getByRole('button', { name: 'Save follow-ups and alerts' }).isDisabled()).toBe(true);
    expect(await followUps.getByText('Fix the after-hours message to save').isVisible()).toBe(true);
    await followUps.screenshot({ path: `${screenshotDir}after-hours-message.png` });
  });

  it('previews an empty message as the opening message', async () => {
    const followUps = page.getByRole('region', { name: 'Follow-ups and alerts' });

    await followUps.getByRole('textbox', { name: 'After-hours opening message' }).fill('');

    await followUps.getByTestId('opening-preview').filter({ hasText: 'Callers get the opening message.' }).waitFor();
    expect(await followUps.locator('.segment-counter').count()).toBe(0);
  });

  it('writes the hint in plain text and a neutral phone example', async () => {
    const followUps = page.getByRole('region', { name: 'Follow-ups and alerts' });

    const hintWeight = await followUps.locator('.settings-hint').evaluate((element) => getComputedStyle(element).fontWeight);
    const phonePlaceholder = await followUps.getByLabel('Alert phone (texts)').getAttribute('placeholder');

    expect(Number(hintWeight)).toBeLessThan(600);
    expect(phonePlaceholder).not.toBe(demoBusinessNumber);
  });
});
