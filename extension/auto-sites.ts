// Sites the reader chose for automatic analysis. Each one is an optional host permission asked for at the
// moment the reader adds it (never at install), and one registered content script covers them all, so the
// badge shows the result on those sites without a click. Removing a site gives its permission back.
import { browser } from 'wxt/browser';

const STORAGE_KEY = 'autoSites';
/** Id of the one registered content script for all automatic sites. */
export const AUTO_SCRIPT_ID = 'sourcier-auto-sites';
const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

/**
 * The match pattern for a site, from an address or a pattern the reader typed:
 * "https://www.lemonde.fr/international/article.html" → "https://www.lemonde.fr/*". Null when it is not a web site.
 */
export function originPatternFor(input: string): string | null {
  const trimmed = input.trim();
  const pattern = /^(https?|\*):\/\/(\*\.)?([^/*:]+)(?::\d+)?\/?\*?$/i.exec(trimmed);
  if (pattern) return `${pattern[1]!.toLowerCase()}://${pattern[2] ?? ''}${pattern[3]!.toLowerCase()}/*`;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!url.hostname || !/^[a-z0-9.-]+$/i.test(url.hostname) || !url.hostname.includes('.')) return null;
  return `${url.protocol}//${url.hostname}/*`;
}

async function storedSites(): Promise<string[]> {
  const value = (await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY];
  return Array.isArray(value) ? value.filter((site): site is string => typeof site === 'string') : [];
}

/** Origins patterns such as "https://www.lemonde.fr/*": the chosen sites whose permission is still granted. */
export async function listAutoSites(): Promise<string[]> {
  const sites = await storedSites();
  const granted = await Promise.all(sites.map((origin) => browser.permissions.contains({ origins: [origin] }).catch(() => false)));
  return sites.filter((_, i) => granted[i]);
}

/** Asks the browser for the site's permission (must run in a user gesture) and starts automatic analysis there. Resolves false when the user refuses. */
export async function addAutoSite(originPattern: string): Promise<boolean> {
  const origin = originPatternFor(originPattern);
  if (!origin) return false;
  // The first await: permissions.request must be called while the click's user gesture is still active.
  const granted = await browser.permissions.request({ origins: [origin] }).catch(() => false);
  if (!granted) return false;
  const sites = await storedSites();
  if (!sites.includes(origin)) await browser.storage.local.set({ [STORAGE_KEY]: [...sites, origin] });
  await syncAutoSites();
  return true;
}

export async function removeAutoSite(originPattern: string): Promise<void> {
  const origin = originPatternFor(originPattern) ?? originPattern;
  const sites = await storedSites();
  await browser.storage.local.set({ [STORAGE_KEY]: sites.filter((site) => site !== origin) });
  await syncAutoSites();
  await browser.permissions.remove({ origins: [origin] }).catch(() => false);
}

/**
 * Makes the registered content script match exactly the chosen sites that still have their permission
 * (the reader may revoke one from the browser's settings). Called after every change and at start-up.
 */
export async function syncAutoSites(): Promise<void> {
  const sites = await listAutoSites();
  // Forget sites whose permission was revoked elsewhere: the list shows what really runs.
  if (sites.length !== (await storedSites()).length) await browser.storage.local.set({ [STORAGE_KEY]: sites });
  const scripting = browser.scripting;
  const registered = await scripting.getRegisteredContentScripts({ ids: [AUTO_SCRIPT_ID] }).catch(() => []);
  if (registered.length) await scripting.unregisterContentScripts({ ids: [AUTO_SCRIPT_ID] }).catch(() => {});
  if (!sites.length) return;
  await scripting.registerContentScripts([
    {
      id: AUTO_SCRIPT_ID,
      matches: sites,
      js: [CONTENT_SCRIPT_FILE],
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    },
  ]);
}
