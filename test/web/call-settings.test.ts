import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOwnerEmail, seedDemoOwner } from '../../server/auth/seed-demo-owner.ts';
import { demoBusinessNumber, seedDemoBusiness } from '../../server/seed/seed-demo-business.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { buildWebApp } from './support/build-web-app.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { startWebServer } from './support/start-web-server.ts';
import type { WebServer } from './support/start-web-server.ts';

// The tests run in order on one page, as one owner setting up call handling.

const demoPassword = 'demo password for tests';
const carrierNumber = '+15555550177';
const screenshotDir = fileURLToPath(
  new URL(process.env.UPDATE_SCREENSHOTS === '1' ? '../../docs/' : '../../test-results/', import.meta.url),
);

let database: TestDatabase;
let server: WebServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const [webDistDir, opened] = await Promise.all([buildWebApp(), createTestDatabase()]);
  database = opened;
  const business = await seedDemoBusiness(database.db);
  await seedDemoOwner(database.db, business, demoPassword);
  server = await startWebServer(database.db, webDistDir);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  await mkdir(screenshotDir, { recursive: true });
});

/** Screenshots a settings section in a viewport tall enough that the sticky header hides nothing. */
async function screenshotSection(name: string, file: string): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1440, height: 4200 });
  await page.getByRole('region', { name }).screenshot({ path: `${screenshotDir}${file}.png` });
  if (viewport) {
    await page.setViewportSize(viewport);
  }
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

describe('call settings in Chromium', () => {
  it('warns beside the ring time when it passes 20 s without screening', async () => {
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('E-mail').fill(demoOwnerEmail);
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/inbox');
    await page.getByRole('link', { name: 'Settings' }).click();
    const screening = page.getByRole('switch', { name: /Screen calls/ });
    expect(await screening.isChecked()).toBe(false);

    await page.getByLabel('Ring for (seconds)').fill('30');

    const warning = page.locator('.field-warnings[data-field="ringTimeoutSeconds"]');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('The ring timeout is 30 s');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
    expect(await warning.textContent()).toContain('The ring timeout is 30 s');
    await screenshotSection('How calls reach you', 'settings-ring-through');
  });

  it('removes the warning once screening is on', async () => {
    await page.getByRole('switch', { name: /Screen calls/ }).check();

    await page.locator('.field-warnings[data-field="ringTimeoutSeconds"]').waitFor({ state: 'detached' });
  });

  it('shows the carrier codes with the textback number in forwarded mode', async () => {
    await page.getByRole('radio', { name: 'Forwarded when unanswered' }).check();

    const codes = page.locator('.carrier-code');
    await codes.first().waitFor();
    const texts = await codes.allTextContents();
    expect(texts).toContain(`**61*${demoBusinessNumber}#`);
    expect(texts).toContain(`**67*${demoBusinessNumber}#`);
    expect(texts).toContain(`**62*${demoBusinessNumber}#`);
    expect(texts).toContain(`**004*${demoBusinessNumber}#`);
    expect(await codes.first().getAttribute('href')).toBe(`tel:${encodeURIComponent(`**61*${demoBusinessNumber}#`)}`);
  });

  it('asks to save before the forwarding check', async () => {
    await page.getByLabel('Your business number').fill(carrierNumber);

    expect(await page.getByRole('button', { name: 'Call me to test' }).isDisabled()).toBe(true);
    await page.getByText('Save your business phone number and this mode first.').waitFor();
  });

  it('passes the forwarding check through the simulated carrier', async () => {
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Call me to test' }).click();

    await page.locator('.forwarding-check-result[data-status="pending"]').waitFor();
    await page.locator('.forwarding-check-result[data-status="passed"]').waitFor();
    expect(await page.locator('.forwarding-check-result').textContent()).toContain('Forwarding works');
    await screenshotSection('How calls reach you', 'settings-forwarded');
    for (const section of ['Voicemail', 'Call screening', 'Short calls', 'Landlines', 'STOP confirmations']) {
      await screenshotSection(section, `settings-${section.toLowerCase().replace(/ /g, '-')}`);
    }
  });
});
