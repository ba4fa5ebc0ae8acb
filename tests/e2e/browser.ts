// What the end-to-end tests run on: the corpus pages served on 127.0.0.1, Debian's Chromium with the built
// extension loaded, a real click on the toolbar button (CDP Extensions.triggerAction), and a recorder of every
// network request made while the extension works.
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import type { browser as extensionApi } from '@wxt-dev/browser';

/** The extension API inside the worker and extension pages, where the tests evaluate code. */
declare const chrome: typeof extensionApi;

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** CI clones the repository with shared/ beside it. */
export const PAGES_DIR = resolve(REPO, '../shared/corpus/pages');
/** Pages made for these tests (hidden text, no article), served under /fixtures/. */
export const FIXTURES_DIR = join(REPO, 'tests/e2e/fixtures');
export const EXTENSION_DIR = join(REPO, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface PageServer {
  origin: string;
  /** Paths served, in order: the test compares them with the page loads it asked for. */
  hits: string[];
  close(): Promise<void>;
}

export async function servePages(): Promise<PageServer> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    hits.push(path);
    const dir = path.startsWith('/fixtures/') ? FIXTURES_DIR : PAGES_DIR;
    const file = normalize(join(dir, path.replace(/^\/fixtures\//, '/')));
    if (!file.startsWith(dir) || !existsSync(file) || !file.endsWith('.html')) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, hits, close: () => new Promise((done) => server.close(() => done())) };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Browser-level DevTools session (Extensions.triggerAction, Target.*). */
  cdp: CDPSession;
  close(): Promise<void>;
}

/** `args`: more Chromium switches (tests/e2e/security.e2e.ts records the browser's whole network log from launch). */
export async function launchWithExtension(options: { args?: string[] } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`);
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No built extension in ${EXTENSION_DIR}: run "npx wxt build" first.`);
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1000, height: 900 },
    locale: 'fr-FR',
    args: [
      '--headless=new',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      // Lets the DevTools protocol click the extension's toolbar button (Extensions.triggerAction).
      '--enable-unsafe-extension-debugging',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  await waitForBackground(worker);
  const extensionId = new URL(worker.url()).host;
  const browser = context.browser();
  if (!browser) throw new Error('Playwright gave no browser for the persistent context');
  const cdp = await browser.newBrowserCDPSession();
  return { context, extensionId, worker, cdp, close: () => context.close() };
}

/**
 * Playwright sees the service worker before its script has run. A click or a storage read made then races the
 * background's start (and the first install's set-up): wait until it listens to the toolbar button and its
 * session storage answers.
 */
async function waitForBackground(worker: Worker): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ready = await worker
      .evaluate(async () => {
        if (!chrome.action.onClicked.hasListeners()) return false;
        await chrome.storage.session.get(null);
        return true;
      })
      .catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error("The extension's background did not start within 15 s");
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Clicks the extension's toolbar button for the tab showing `page` (a real click: it grants activeTab). */
export async function clickToolbarButton(browser: ExtensionBrowser, page: Page): Promise<void> {
  const { targetInfos } = await browser.cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((target) => target.url === page.url());
  if (!tab) throw new Error(`No tab target for ${page.url()}`);
  await browser.cdp.send('Extensions.triggerAction', { id: browser.extensionId, targetId: tab.targetId });
}

/** The browser's tab id of the tab showing `url` (visible to the extension once activeTab is granted). */
export async function tabIdOf(browser: ExtensionBrowser, url: string): Promise<number> {
  const id = await browser.worker.evaluate(async (wanted) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === wanted)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`The extension sees no tab for ${url}`);
  return id;
}

export interface RecordedRequest {
  url: string;
  /** Who made it: 'service-worker', 'extension-page', 'page', or a DevTools target type. */
  from: string;
  via: 'playwright' | 'cdp';
}

/**
 * Records every request: Playwright's context events (pages, extension pages, the service worker) and, through
 * the DevTools protocol, those of extension targets Playwright does not drive (the real side panel, the worker).
 */
export async function recordRequests(browser: ExtensionBrowser): Promise<{ requests: RecordedRequest[]; stop(): Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const onRequest = (request: import('playwright-core').Request) => {
    let from = 'page';
    if (request.serviceWorker()) from = 'service-worker';
    else {
      try {
        if (request.frame().url().startsWith('chrome-extension://')) from = 'extension-page';
      } catch {
        from = 'unknown';
      }
    }
    requests.push({ url: request.url(), from, via: 'playwright' });
  };
  browser.context.on('request', onRequest);

  // Non-flattened sessions: Playwright's browser session cannot address flattened child sessions.
  const sessions = new Map<string, string>();
  const attached = new Set<string>();
  const onMessage = (event: { sessionId: string; message: string }) => {
    const message = JSON.parse(event.message) as { method?: string; params?: { request?: { url: string } } };
    if (message.method === 'Network.requestWillBeSent' && message.params?.request) {
      requests.push({ url: message.params.request.url, from: sessions.get(event.sessionId) ?? 'extension-target', via: 'cdp' });
    }
  };
  browser.cdp.on('Target.receivedMessageFromTarget', onMessage);
  const attach = async () => {
    const { targetInfos } = await browser.cdp.send('Target.getTargets', { filter: [{}] });
    for (const target of targetInfos) {
      // Every target of the extension (worker, side panel, pages); duplicates of Playwright's events are harmless.
      if (!target.url.startsWith(`chrome-extension://${browser.extensionId}/`) || target.type === 'tab' || attached.has(target.targetId)) continue;
      attached.add(target.targetId);
      try {
        const { sessionId } = await browser.cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
        sessions.set(sessionId, `${target.type}:${target.targetId}`);
        await browser.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Network.enable', params: {} }) });
      } catch {
        // A target that went away meanwhile.
      }
    }
  };
  await attach();
  const timer = setInterval(() => void attach(), 250);
  return {
    requests,
    async stop() {
      clearInterval(timer);
      browser.context.off('request', onRequest);
      browser.cdp.off('Target.receivedMessageFromTarget', onMessage);
      for (const sessionId of sessions.keys()) await browser.cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    },
  };
}
