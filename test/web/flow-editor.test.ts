import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOwnerEmail, seedDemoOwner } from '../../server/auth/seed-demo-owner.ts';
import { seedDemoBusiness } from '../../server/seed/seed-demo-business.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { buildWebApp } from './support/build-web-app.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { logIn } from './support/log-in.ts';
import { startWebServer } from './support/start-web-server.ts';
import type { WebServer } from './support/start-web-server.ts';

// Each test opens the flow editor afresh on the demo business's template flow.

const demoPassword = 'demo password for tests';
const screenshotDir = fileURLToPath(new URL('../../test-results/', import.meta.url));
const longComment = `# ${'a long comment that runs far past the right edge of the editor '.repeat(6)}END`;

let database: TestDatabase;
let server: WebServer;
let browser: Browser;
let page: Page;
let editor: Locator;
let template: string;

beforeAll(async () => {
  const [webDistDir, opened] = await Promise.all([buildWebApp(), createTestDatabase()]);
  database = opened;
  const business = await seedDemoBusiness(database.db);
  await seedDemoOwner(database.db, business, demoPassword);
  server = await startWebServer(database.db, webDistDir);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
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

async function openEditor(): Promise<void> {
  await page.goto(`${server.baseUrl}/flows`);
  editor = page.getByLabel('Flow YAML');
  await page.locator('.flow-check-good').waitFor();
  template = await editor.inputValue();
}

/** Returns the offset of the first character of a 1-based line. */
function offsetOfLine(source: string, line: number): number {
  return source
    .split('\n')
    .slice(0, line - 1)
    .reduce((offset, text) => offset + text.length + 1, 0);
}

function lineOf(source: string, pattern: RegExp): number {
  return source.split('\n').findIndex((line) => pattern.test(line)) + 1;
}

describe('flow editor in Chromium', () => {
  it('scrolls a long line without moving the gutter', async () => {
    await openEditor();
    const firstNumber = page.locator('.yaml-line-number').first();
    const gutterBefore = await firstNumber.boundingBox();

    await editor.fill(`${longComment}\n${template}`);
    await editor.evaluate((element: HTMLTextAreaElement) => element.setSelectionRange(0, 0));
    await page.keyboard.press('End');

    const scroll = await page.locator('.yaml-editor').evaluate((element) => element.scrollLeft);
    const ownScroll = await editor.evaluate((element) => [element.scrollLeft, element.scrollTop]);
    const gutterAfter = await firstNumber.boundingBox();
    const textTop = (await editor.boundingBox())?.y;
    expect(scroll).toBeGreaterThan(200);
    expect(ownScroll).toEqual([0, 0]);
    expect(gutterAfter?.x).toBe(gutterBefore?.x);
    expect(textTop).toBe(gutterAfter?.y);
    await page.screenshot({ path: `${screenshotDir}flow-editor-long-line.png` });
  });

  it('lists every problem in full and opens its line', async () => {
    await openEditor();
    const missing = 'a_step_name_long_enough_that_its_message_cannot_fit_on_the_line';
    const broken = template.replace(/^start: .*$/m, `start: ${missing}`);
    const startLine = lineOf(broken, /^start: /);

    await editor.fill(broken);
    const list = page.getByRole('list', { name: 'Problems' });
    const entry = list.getByRole('button', { name: new RegExp(`Line ${startLine}\\b`) });
    await entry.waitFor();
    await editor.evaluate((element: HTMLTextAreaElement) => element.blur());
    const label = page.locator(`.yaml-problem-band[data-line="${startLine}"] .yaml-problem-message`);
    await entry.click();

    expect(await entry.textContent()).toContain(missing);
    expect(await label.getAttribute('title')).toContain(missing);
    expect(await editor.evaluate((element: HTMLTextAreaElement) => element.selectionStart)).toBe(
      offsetOfLine(broken, startLine),
    );
    await page.screenshot({ path: `${screenshotDir}flow-editor-problems.png` });
  });

  it('opens the first problem from the badge', async () => {
    await openEditor();
    const broken = template.replace(/next: book$/m, 'next: nowhere');
    const brokenLine = lineOf(broken, /next: nowhere$/);
    await editor.fill(broken);
    const badge = page.getByRole('button', { name: '1 problem' });
    await badge.waitFor();
    await page.locator('.yaml-editor').evaluate((element) => element.scrollTo(0, 0));

    await badge.click();

    const scrollTop = await page.locator('.yaml-editor').evaluate((element) => element.scrollTop);
    expect(brokenLine).toBeGreaterThan(40);
    expect(scrollTop).toBeGreaterThan(0);
    expect(await editor.evaluate((element: HTMLTextAreaElement) => element.selectionStart)).toBe(
      offsetOfLine(broken, brokenLine),
    );
    expect(await page.locator(`.yaml-problem-band[data-line="${brokenLine}"]`).isVisible()).toBe(true);
  });
});
