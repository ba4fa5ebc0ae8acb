// One panel, one language, in Chromium (issue 11, point 4): the browser in French on an English article, and in
// English on a French one. Every string of the panel outside quoted page text — headings, tags, labels, the summary,
// score lines, explanations, trainer's notes — is in the browser's language; the report says which language it speaks.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../analyser/taxonomy';
import type { TabState } from '../../extension/messages';
import { WORDS_OF } from '../helpers/languages';
import { clickToolbarButton, launchWithExtension, servePages, tabIdOf, type ExtensionBrowser, type PageServer } from './browser';
import type { browser as extensionApi } from '@wxt-dev/browser';

declare const chrome: typeof extensionApi;

let server: PageServer | undefined;
let browser: ExtensionBrowser | undefined;

afterEach(async () => {
  await browser?.close();
  await server?.close();
});

/** The panel's strings outside elements that carry the article's language (quoted page text), with where they are. */
function interfaceStrings(panel: Page, articleLang: Lang) {
  return panel.evaluate((lang) => {
    const quoted = (element: Element | null) => element?.closest('[lang]')?.getAttribute('lang') === lang;
    const strings: { where: string; text: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!text || !parent || parent.closest('style, script') || quoted(parent)) continue;
      strings.push({ where: `${parent.tagName.toLowerCase()}.${parent.className}`, text });
    }
    for (const element of document.querySelectorAll('[aria-label], [title]')) {
      if (quoted(element)) continue;
      for (const name of ['aria-label', 'title']) {
        const text = element.getAttribute(name);
        if (text) strings.push({ where: `${element.tagName.toLowerCase()}[${name}]`, text });
      }
    }
    const quotedKinds = [...document.querySelectorAll(`[lang="${lang}"]`)].map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
    return { strings, quotedKinds: [...new Set(quotedKinds)].sort(), rootLang: document.documentElement.lang };
  }, articleLang);
}

describe.each([
  { ui: 'fr' as const, article: 'en' as const, page: 'tf-reuters.com.parasite' },
  { ui: 'en' as const, article: 'fr' as const, page: 'seed-001' },
])('the browser in $ui, an article in $article', ({ ui, article, page: name }) => {
  it('the panel speaks the browser’s language everywhere but in quoted page text', async () => {
    server = await servePages();
    browser = await launchWithExtension({ args: [`--lang=${ui}`] });
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/${name}.html`, { waitUntil: 'load' });
    await clickToolbarButton(browser, page);
    const tabId = await tabIdOf(browser, page.url());
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel.locator('.finding-sentence').first().waitFor({ timeout: 20_000 });

    const state = (await panel.evaluate((id) => chrome.runtime.sendMessage({ type: 'get-tab-state', tabId: id }), tabId)) as TabState;
    if (state.status !== 'ready') throw new Error(`not analysed: ${JSON.stringify(state)}`);
    expect([state.report.lang, state.report.reportLang]).toEqual([article, ui]);

    const { strings, quotedKinds, rootLang } = await interfaceStrings(panel, article);
    expect(rootLang).toBe(ui);
    // Only page text carries the article's language.
    expect(
      quotedKinds.every((kind) => ['p.page-title', 'span.finding-sentence', 'dd.', 'ul.links', 'div.read-blocks'].includes(kind)),
      quotedKinds.join(' '),
    ).toBe(true);
    expect(strings.length).toBeGreaterThan(50);
    expect(strings.filter(({ text }) => WORDS_OF[article].test(text))).toEqual([]);
    // The report's own sentences are really in the browser's language.
    expect(state.report.summary).toMatch(WORDS_OF[ui]);
    for (const f of state.report.findings) expect(f.explanation, f.ruleId).toMatch(WORDS_OF[ui]);
  }, 90_000);
});
