import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AUTO_SCRIPT_ID, addAutoSite, listAutoSites, originPatternFor, removeAutoSite, syncAutoSites } from '../extension/auto-sites';

/** A browser whose permission prompt answers `answer`, with granted origins and registered scripts tracked. */
function stubBrowser(answer: boolean) {
  const granted = new Set<string>();
  const registered = new Map<string, { id: string; matches: string[]; js: string[] }>();
  const api = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  const request = vi.fn(async ({ origins }: { origins: string[] }) => {
    if (answer) origins.forEach((o) => granted.add(o));
    return answer;
  });
  const remove = vi.fn(async ({ origins }: { origins: string[] }) => {
    origins.forEach((o) => granted.delete(o));
    return true;
  });
  api.permissions = {
    request,
    remove,
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))),
  };
  api.scripting = {
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => ids.flatMap((id) => (registered.has(id) ? [registered.get(id)] : []))),
    registerContentScripts: vi.fn(async (scripts: { id: string; matches: string[]; js: string[] }[]) => {
      for (const script of scripts) {
        if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        registered.set(script.id, script);
      }
    }),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => ids.forEach((id) => registered.delete(id))),
  };
  return { granted, registered, request, remove };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('originPatternFor', () => {
  it('turns an address or a pattern into the site-wide match pattern', () => {
    expect(originPatternFor('https://www.lemonde.fr/international/article/2024/x.html')).toBe('https://www.lemonde.fr/*');
    expect(originPatternFor('www.lemonde.fr')).toBe('https://www.lemonde.fr/*');
    expect(originPatternFor('https://www.lemonde.fr/*')).toBe('https://www.lemonde.fr/*');
    expect(originPatternFor('*://*.reuters.com/*')).toBe('*://*.reuters.com/*');
    expect(originPatternFor('HTTP://Example.ORG')).toBe('http://example.org/*');
  });

  it('refuses what is not a web site', () => {
    for (const input of ['', 'chrome://settings', 'file:///etc/passwd', 'javascript:alert(1)', 'localhost', '<all_urls>', '*://*/*']) {
      expect(originPatternFor(input)).toBeNull();
    }
  });
});

describe('automatic analysis on chosen sites', () => {
  it('asks for the site only, then registers the content script for it', async () => {
    const browser = stubBrowser(true);
    expect(await addAutoSite('https://www.lemonde.fr/politique/')).toBe(true);
    expect(browser.request).toHaveBeenCalledWith({ origins: ['https://www.lemonde.fr/*'] });
    expect(await listAutoSites()).toEqual(['https://www.lemonde.fr/*']);
    const script = browser.registered.get(AUTO_SCRIPT_ID)!;
    expect(script.matches).toEqual(['https://www.lemonde.fr/*']);
    expect(script.js).toEqual(['content-scripts/content.js']);

    expect(await addAutoSite('https://www.liberation.fr')).toBe(true);
    expect(browser.registered.get(AUTO_SCRIPT_ID)!.matches).toEqual(['https://www.lemonde.fr/*', 'https://www.liberation.fr/*']);
  });

  it('changes nothing when the reader refuses the permission', async () => {
    const browser = stubBrowser(false);
    expect(await addAutoSite('https://www.lemonde.fr/')).toBe(false);
    expect(await listAutoSites()).toEqual([]);
    expect(browser.registered.size).toBe(0);
  });

  it('never asks for a pattern that is not one web site', async () => {
    const browser = stubBrowser(true);
    expect(await addAutoSite('<all_urls>')).toBe(false);
    expect(browser.request).not.toHaveBeenCalled();
  });

  it('removing a site gives its permission back and stops the script there', async () => {
    const browser = stubBrowser(true);
    await addAutoSite('https://www.lemonde.fr/');
    await addAutoSite('https://www.liberation.fr/');
    await removeAutoSite('https://www.lemonde.fr/*');
    expect(browser.remove).toHaveBeenCalledWith({ origins: ['https://www.lemonde.fr/*'] });
    expect(browser.granted.has('https://www.lemonde.fr/*')).toBe(false);
    expect(browser.registered.get(AUTO_SCRIPT_ID)!.matches).toEqual(['https://www.liberation.fr/*']);

    await removeAutoSite('https://www.liberation.fr/*');
    expect(browser.registered.has(AUTO_SCRIPT_ID)).toBe(false);
    expect(await listAutoSites()).toEqual([]);
  });

  it('drops a site whose permission was revoked in the browser settings', async () => {
    const browser = stubBrowser(true);
    await addAutoSite('https://www.lemonde.fr/');
    await addAutoSite('https://www.liberation.fr/');
    browser.granted.delete('https://www.lemonde.fr/*');
    await syncAutoSites();
    expect(browser.registered.get(AUTO_SCRIPT_ID)!.matches).toEqual(['https://www.liberation.fr/*']);
    expect(await listAutoSites()).toEqual(['https://www.liberation.fr/*']);
  });
});
