import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/hash-password.ts';
import { createUser } from '../../server/auth/user-repo.ts';
import { seedDemoBusiness } from '../../server/seed/seed-demo-business.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { buildWebApp } from './support/build-web-app.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { logIn } from './support/log-in.ts';
import { startWebServer } from './support/start-web-server.ts';
import type { WebServer } from './support/start-web-server.ts';

// One staff member opens the owners' pages by typing their addresses.

const staffEmail = 'dan@example.com';
const staffPassword = 'staff password for tests';
const screenshotDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

let database: TestDatabase;
let server: WebServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const [webDistDir, opened] = await Promise.all([buildWebApp(), createTestDatabase()]);
  database = opened;
  const business = await seedDemoBusiness(database.db);
  await createUser(database.db, {
    businessId: business.id,
    email: staffEmail,
    name: 'Dan Tech',
    role: 'staff',
    passwordHash: await hashPassword(staffPassword),
  });
  server = await startWebServer(database.db, webDistDir);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  await logIn(page, server.baseUrl, staffEmail, staffPassword);
  await mkdir(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

describe('owner pages opened by staff', () => {
  it('explains that only owners edit bot flows', async () => {
    await page.goto(`${server.baseUrl}/flows`);

    await page.getByRole('heading', { name: 'Bot flows' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe('Only owners can edit bot flows.');
    expect(await page.getByLabel('Flow YAML').count()).toBe(0);
    expect(await page.getByText('Loading…').count()).toBe(0);
    expect(await page.getByText('Only owners can do this').count()).toBe(0);
    await page.screenshot({ path: `${screenshotDir}staff-flows.png` });
  });

  it('explains that only owners use the simulator', async () => {
    await page.goto(`${server.baseUrl}/simulator`);

    await page.getByRole('heading', { name: 'Phone simulator' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe('Only owners can use the phone simulator.');
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
  });

  it('links back to the inbox', async () => {
    await page.goto(`${server.baseUrl}/flows`);

    await page.getByRole('main').getByRole('link', { name: 'Go to the inbox' }).click();

    await page.waitForURL('**/inbox');
  });
});
