import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/hash-password.ts';
import { demoOwnerEmail, seedDemoOwner } from '../../server/auth/seed-demo-owner.ts';
import { createUser } from '../../server/auth/user-repo.ts';
import { seedDemoBusiness } from '../../server/seed/seed-demo-business.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { buildWebApp } from './support/build-web-app.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { logIn } from './support/log-in.ts';
import { startWebServer } from './support/start-web-server.ts';
import type { WebServer } from './support/start-web-server.ts';

// The tests run in order: an owner sets a staff member's password, then the staff member
// changes it again while logged in on two devices.

const ownerPassword = 'demo password for tests';
const staffEmail = 'dan@example.com';
const passwordFromOwner = 'set by the owner 1';
const passwordOfOwnChoice = 'chosen by dan 2';
const screenshotDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

let database: TestDatabase;
let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  const [webDistDir, opened] = await Promise.all([buildWebApp(), createTestDatabase()]);
  database = opened;
  const business = await seedDemoBusiness(database.db);
  await seedDemoOwner(database.db, business, ownerPassword);
  await createUser(database.db, {
    businessId: business.id,
    email: staffEmail,
    name: 'Dan Tech',
    role: 'staff',
    passwordHash: await hashPassword('first password 0'),
  });
  server = await startWebServer(database.db, webDistDir);
  browser = await launchChromium();
  await mkdir(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

async function openPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

describe('passwords in Chromium', () => {
  it('lets an owner set a member password', async () => {
    const page = await openPage();
    await logIn(page, server.baseUrl, demoOwnerEmail, ownerPassword);
    await page.getByRole('link', { name: 'Team' }).click();

    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByLabel('New password for Dan Tech').fill(passwordFromOwner);
    await page.getByLabel('Repeat the new password').fill(passwordFromOwner);
    await page.getByRole('form', { name: 'Set a password for Dan Tech' }).getByRole('button', { name: 'Set password' }).click();

    await page.getByRole('status').filter({ hasText: 'New password set for Dan Tech' }).waitFor();
    const staffPage = await openPage();
    await logIn(staffPage, server.baseUrl, staffEmail, passwordFromOwner);
    await staffPage.context().close();
  });

  it('sends the owner to the account page for their own password', async () => {
    const page = await openPage();
    await logIn(page, server.baseUrl, demoOwnerEmail, ownerPassword);
    await page.goto(`${server.baseUrl}/team`);

    await page.getByRole('link', { name: 'Change your password' }).click();

    await page.waitForURL('**/account');
    await page.getByRole('heading', { name: 'Change your password' }).waitFor();
  });

  it('lets staff change their own password and ends their other sessions', async () => {
    const phone = await openPage();
    await logIn(phone, server.baseUrl, staffEmail, passwordFromOwner);
    const page = await openPage();
    await logIn(page, server.baseUrl, staffEmail, passwordFromOwner);
    await page.getByRole('link', { name: /Your account/ }).click();
    const submit = page.getByRole('button', { name: 'Change password' });

    await page.getByLabel('Current password').fill(passwordFromOwner);
    await page.getByLabel('New password', { exact: true }).fill(passwordOfOwnChoice);
    await page.getByLabel('Repeat the new password').fill('something else');
    expect(await page.getByText('The two new passwords differ.').isVisible()).toBe(true);
    expect(await submit.isDisabled()).toBe(true);
    await page.getByLabel('Repeat the new password').fill(passwordOfOwnChoice);
    await submit.click();

    // The staff member's session from the first test counts too.
    await page.getByRole('status').filter({ hasText: 'Password changed. 2 other sessions were logged out.' }).waitFor();
    await page.screenshot({ path: `${screenshotDir}account-password-changed.png` });
    await page.reload();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await phone.reload();
    await phone.waitForURL('**/login');
  });

  it('shows a wrong current password', async () => {
    const page = await openPage();
    await logIn(page, server.baseUrl, staffEmail, passwordOfOwnChoice);
    await page.goto(`${server.baseUrl}/account`);

    await page.getByLabel('Current password').fill('not the password');
    await page.getByLabel('New password', { exact: true }).fill('another new one 3');
    await page.getByLabel('Repeat the new password').fill('another new one 3');
    await page.getByRole('button', { name: 'Change password' }).click();

    await page.getByRole('alert').filter({ hasText: 'The current password is wrong' }).waitFor();
  });
});
