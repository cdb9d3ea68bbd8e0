/**
 * Drives the phone simulator in headless Chromium through a missed call, the text back and one
 * reply, then saves docs/simulator.png (1280x800).
 *
 *   npx tsx test/web/screenshot-simulator.ts [base URL]
 *
 * The base URL defaults to $SIMULATOR_URL, then http://127.0.0.1:3000. It logs in as the demo
 * owner (owner@example.com), with $DEMO_OWNER_PASSWORD or the default demo password. The caller
 * number is random unless $SIMULATOR_CALLER sets it, because the server skips the text back for a
 * number it texted back recently. Chromium comes from $CHROMIUM_PATH or /usr/bin/chromium.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';

const baseUrl = (process.argv[2] ?? process.env.SIMULATOR_URL ?? 'http://127.0.0.1:3000').replace(
  /\/+$/,
  '',
);
const callerNumber = process.env.SIMULATOR_CALLER ?? randomCallerNumber();
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshotPath = fileURLToPath(new URL('../../docs/simulator.png', import.meta.url));
const failurePath = fileURLToPath(
  new URL('../../test-results/simulator-failure.png', import.meta.url),
);
const leadReply = 'my water heater is leaking';
const ownerEmail = 'owner@example.com';
const ownerPassword = process.env.DEMO_OWNER_PASSWORD ?? 'textback-demo';

const browser = await chromium.launch({
  executablePath,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.setDefaultTimeout(15_000);

try {
  await runScenario(page);
  await mkdir(fileURLToPath(new URL('../../docs/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: screenshotPath });
  process.stdout.write(`Saved ${screenshotPath} (caller ${callerNumber})\n`);
} catch (error) {
  await mkdir(fileURLToPath(new URL('../../test-results/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: failurePath }).catch(() => undefined);
  process.stderr.write(`Simulator check failed. The page at that moment is in ${failurePath}\n`);
  throw error;
} finally {
  await browser.close();
}

async function runScenario(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-mail').fill(ownerEmail);
  await page.getByLabel('Password').fill(ownerPassword);
  await step('log in as the demo owner', async () => {
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/inbox');
  });
  await page.goto(`${baseUrl}/simulator`);
  await page.getByLabel('Your number').fill(callerNumber);
  await step('place a call', () => page.getByRole('button', { name: 'Call', exact: true }).click());
  await page.getByText('Calling Rivera Plumbing…').waitFor();
  await step('let it ring out', () =>
    page.getByRole('button', { name: 'Let it ring out' }).click(),
  );

  const callScreen = page.getByRole('region', { name: 'Phone call' });
  await step('wait for the call screen to close', () => callScreen.waitFor({ state: 'hidden' }));
  const outbound = page.locator('.bubble-row[data-direction="outbound"]');
  await step('wait for the text back', () => outbound.first().waitFor());
  const outboundBeforeReply = await outbound.count();

  await page.getByRole('textbox', { name: 'Message' }).fill(leadReply);
  await page.getByRole('button', { name: 'Send' }).click();
  await step('wait for the reply to be listed', () =>
    page
      .locator('.bubble-row[data-author="lead"]:not([data-pending])', { hasText: leadReply })
      .waitFor(),
  );
  await step('wait for the bot to answer', () =>
    outbound.nth(outboundBeforeReply).waitFor({ timeout: 30_000 }),
  );

  // Delivery receipts arrive a moment after each text, so wait for them to show the ticks. A
  // provider that never reports delivery still gets its screenshot after five seconds.
  await page
    .locator('.bubble-status:not(.bubble-status-delivered):not(.bubble-status-failed)')
    .first()
    .waitFor({ state: 'detached', timeout: 5000 })
    .catch(() => undefined);
}

async function step(description: string, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    throw new Error(`Failed to ${description} for caller ${callerNumber}`, { cause: error });
  }
}

/** Returns a number in the +1 555 555 0000–9999 range, which no real subscriber holds. */
function randomCallerNumber(): string {
  const suffix = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
  return `+1555555${suffix}`;
}
