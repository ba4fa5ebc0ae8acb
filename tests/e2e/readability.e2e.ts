// Readable type at 100 % zoom, measured in Chromium (issue 11, point 3): Chrome's default style for extension pages
// makes body text 12 px unless the page sets it back. Every piece of text of the panel (with a report, a trainer's
// note open) and of the options page computes to 14 px or more, marker sentences to 16 px or more, and no secondary
// text (help, notes, tags, the trainer's note) is larger than the body text it stands beside.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickToolbarButton, launchWithExtension, servePages, tabIdOf, type ExtensionBrowser, type PageServer } from './browser';
let server: PageServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await servePages();
  browser = await launchWithExtension();
  await browser.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Computed font size of every element that holds text of its own (SVG text aside: it scales with its drawing). */
function textSizes(page: Page) {
  return page.evaluate(() => {
    const sizes: { what: string; px: number }[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      if (element.closest('svg, style, script, [hidden]')) continue;
      const own = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
      if (!own) continue;
      const what = `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`;
      sizes.push({ what, px: parseFloat(getComputedStyle(element).fontSize) });
    }
    return { body: parseFloat(getComputedStyle(document.body).fontSize), sizes };
  });
}

const sizeOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));

describe('readable type', () => {
  it('in the panel: body text 16 px, marker sentences ≥ 16 px, nothing under 14 px, secondary text not larger', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/seed-001.html`, { waitUntil: 'load' });
    await clickToolbarButton(browser, page);
    const tabId = await tabIdOf(browser, page.url());
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel.locator('.finding-sentence').first().waitFor({ timeout: 20_000 });
    // The trainer's note of the first finding, open.
    await panel.locator('.disclosure').first().click();

    const { body, sizes } = await textSizes(panel);
    expect(body).toBeGreaterThanOrEqual(16);
    expect(sizes.filter(({ px }) => px < 14)).toEqual([]);
    for (const selector of ['.finding-sentence', '.finding-explanation', '.score-summary', '.contributions li']) {
      expect(await sizeOf(panel, selector), selector).toBeGreaterThanOrEqual(selector === '.finding-sentence' ? 16 : 14);
    }
    expect(await sizeOf(panel, '.finding-sentence')).toBeGreaterThanOrEqual(16);
    for (const selector of ['.tagline', '.finding-meta', '.trainer-note', '.tag', '.panel-footer']) {
      const px = await sizeOf(panel, selector);
      expect(px, selector).toBeGreaterThanOrEqual(14);
      expect(px, `${selector} is secondary: not larger than the body text`).toBeLessThanOrEqual(body);
    }
    await panel.close();
    await page.close();
  });

  it('in the options page: body text 16 px, nothing under 14 px, hints not larger than the text they explain', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('#sites').waitFor();
    const { body, sizes } = await textSizes(options);
    expect(body).toBeGreaterThanOrEqual(16);
    expect(sizes.filter(({ px }) => px < 14)).toEqual([]);
    expect(await sizeOf(options, 'p')).toBeGreaterThanOrEqual(16);
    expect(await sizeOf(options, '.hint')).toBeLessThanOrEqual(body);
    await options.close();
  });
});
