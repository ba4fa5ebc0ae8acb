// End to end: a trainer adds a custom rule on the options page, analyses a seed page, and the panel
// lists the rule's finding. Then the rule is turned off on the options page and the next analysis
// no longer has it (settings reach the content script through storage).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabState } from '../../extension/messages';
import { REPO, clickToolbarButton, launchWithExtension, servePages, tabIdOf, type ExtensionBrowser, type PageServer } from './browser';
import type { browser as extensionApi } from '@wxt-dev/browser';

declare const chrome: typeof extensionApi;

const RULE_ID = 'fr-e2e-armee-malienne';

let server: PageServer;
let browser: ExtensionBrowser;

async function analyse(page: Page): Promise<{ tabId: number; state: TabState }> {
  await clickToolbarButton(browser, page);
  const tabId = await tabIdOf(browser, page.url());
  const deadline = Date.now() + 20_000;
  for (;;) {
    const state = (await browser.worker.evaluate(
      (id) => chrome.storage.session.get(`tab-state:${id}`).then((items) => items[`tab-state:${id}`] ?? null),
      tabId,
    )) as TabState | null;
    if (state && state.status !== 'analysing') return { tabId, state };
    if (Date.now() > deadline) throw new Error(`No report for ${page.url()} after 20 s`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

const findingsOf = (state: TabState) => (state.status === 'ready' || state.status === 'no-article' ? (state.report?.findings ?? []) : []);

beforeAll(async () => {
  server = await servePages();
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a custom rule from the options page', () => {
  let options: Page;

  it('is written in the rule form, checked live, and saved', async () => {
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('button', { name: /^(New rule|Nouvelle règle)$/ }).click();
    await options.locator('#rule-id').fill(RULE_ID);
    await options.locator('#rule-category').selectOption('unsourced-certainty');
    await options.locator('#rule-weight').fill('-2');
    // A catastrophic pattern first: refused live, next to the field.
    await options.locator('#rule-patterns').fill('(\\w+\\s?)*$');
    await expect.poll(() => options.locator('#rule-patterns-error').textContent(), { timeout: 10_000 }).toMatch(/backtrack|too complex/);
    await options.locator('#rule-patterns').fill('la modeste armee malienne');
    await options.locator('#rule-explanation').fill('Un jugement de valeur présenté comme un fait.');
    await options.locator('#rule-trainerNote').fill('Exemple de règle écrite pendant un cours : repérer les qualificatifs non sourcés.');
    await options.locator('#rule-match').fill('Il faut former la modeste armée malienne.');
    await expect.poll(() => options.locator('#rule-patterns-error').count()).toBe(0);
    // The example runs live: its marker is shown in the sentence.
    await expect.poll(() => options.locator('.example-results li.ok mark').textContent()).toBe('la modeste armée malienne');

    await options.locator('form.rule-editor button[type="submit"]').click();
    await expect.poll(() => options.locator('.notice').textContent()).toContain(RULE_ID);
    const stored = await browser.worker.evaluate(async () => {
      const items = { ...(await chrome.storage.sync.get('userRules')), ...(await chrome.storage.local.get('userRules')) };
      return (items.userRules as { pack: { rules: Array<{ id: string }> } } | undefined)?.pack.rules.map((r) => r.id) ?? [];
    });
    expect(stored).toEqual([RULE_ID]);
  });

  it('finds its marker on a seed page, and the panel lists it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/seed-001.html`, { waitUntil: 'load' });
    const { tabId, state } = await analyse(page);
    const mine = findingsOf(state).filter((f) => f.ruleId === RULE_ID);
    expect(mine.map((f) => f.text)).toEqual(['la modeste armée malienne']);

    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${tabId}`);
    const button = panel.locator(`[data-finding-id="${mine[0]!.id}"]`);
    await button.waitFor({ timeout: 15_000 });
    expect(await button.textContent()).toContain('la modeste armée malienne');
    await panel.close();
    await page.close();
  });

  it('is gone from the next analysis once turned off on the options page', async () => {
    // The rules of a category are listed under its disclosure.
    await options.locator('li.cat-unsourced-certainty summary').click();
    await options.locator(`#rule-on-${RULE_ID}`).uncheck();
    await expect
      .poll(() =>
        browser.worker.evaluate(
          async () => ((await chrome.storage.sync.get('settings')).settings as { disabledRules?: string[] } | undefined)?.disabledRules ?? [],
        ),
      )
      .toEqual([RULE_ID]);
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/seed-001.html`, { waitUntil: 'load' });
    const { state } = await analyse(page);
    expect(findingsOf(state).length, JSON.stringify(state).slice(0, 300)).toBeGreaterThan(0);
    expect(findingsOf(state).filter((f) => f.ruleId === RULE_ID)).toEqual([]);
    await page.close();
  });

  it('has no accessibility violations with the rule editor open, in light and dark themes', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await options.getByRole('button', { name: new RegExp(`^(Edit rule|Modifier la règle) ${RULE_ID}$`) }).click();
    await options.locator('#rule-sample').fill('Il faut former la modeste armée malienne, dit-on.');
    await options.locator('.sample-results mark').waitFor();
    // Through the DevTools protocol: the page's CSP (script-src 'self') refuses an injected <script>.
    await options.evaluate(axeSource);
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      const violations = await options.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }
        ).axe;
        const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations, scheme).toEqual([]);
    }
    await options.emulateMedia({ colorScheme: 'light' });
    await options.setViewportSize({ width: 1200, height: 1100 });
    await options.locator('form.rule-editor').screenshot({ path: join(REPO, 'tests/e2e/screenshots/options-rule-editor.png') });
  });
});

describe('words the grammar knows, on the options page', () => {
  it('a verb added is saved, reaches the grammar of the live tester, and the section passes axe in both themes', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.setViewportSize({ width: 1200, height: 1100 });
    await options.locator('#lexicon-lang').selectOption('fr');
    await options.locator('#lexicon-list').selectOption('speech-verbs');
    await options.locator('#lexicon-words').fill('pérorer');
    await options.locator('#lexicon form button[type="submit"]').click();
    await expect
      .poll(() =>
        browser.worker.evaluate(async () => {
          const items = { ...(await chrome.storage.local.get('userRules')), ...(await chrome.storage.sync.get('userRules')) };
          return (items.userRules as { pack?: { lexicon?: unknown } } | undefined)?.pack?.lexicon ?? null;
        }),
      )
      .toEqual({ fr: { 'speech-verbs': ['pérorer'] } });
    await options.locator('#lexicon-sample').fill('Le maire pérore que les caisses de la ville sont vides.');
    await expect.poll(() => options.locator('.lexicon-results mark').textContent(), { timeout: 10_000 }).toBe('Le maire pérore');

    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await options.evaluate(axeSource);
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      const violations = await options.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } })
          .axe;
        const result = await axe.run(document.querySelector('#lexicon')!, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations, scheme).toEqual([]);
    }
    await options.emulateMedia({ colorScheme: 'light' });
    await options.locator('#lexicon').screenshot({ path: join(REPO, 'tests/e2e/screenshots/options-lexicon.png') });
    await options.close();
  });
});
