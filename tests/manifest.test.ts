// The built extension, for Chrome (MV3) and Firefox (MV2), built from the current sources with WXT's API into a
// temporary folder: its permissions are exactly the intended minimal set, it declares no way in for web pages,
// its CSP is strict, and its bundles load no remote code and call no network API.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'wxt';

type Manifest = Record<string, unknown> & { manifest_version: number; permissions?: string[] };

const outDir = mkdtempSync(join(tmpdir(), 'sourcier-manifest-'));
const builds: Record<'chrome' | 'firefox', { dir: string; manifest: Manifest }> = {} as never;

beforeAll(async () => {
  // One after the other: CI has two cores, and both builds share .wxt/.
  for (const [browser, folder] of [
    ['chrome', 'chrome-mv3'],
    ['firefox', 'firefox-mv2'],
  ] as const) {
    await build({ browser, outDir, logLevel: 0 } as Parameters<typeof build>[0]);
    const dir = join(outDir, folder);
    builds[browser] = { dir, manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest };
  }
}, 180_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Sites the reader may opt in to, one at a time (extension/auto-sites.ts): never granted at install. */
const OPTIONAL_SITES = ['http://*/*', 'https://*/*'];

/** Keys that would give pages or other extensions a way in, or read pages without a click. */
const FORBIDDEN_KEYS = [
  'host_permissions',
  'content_scripts',
  'web_accessible_resources',
  'externally_connectable',
  'declarative_net_request',
  'sandbox',
  'chrome_url_overrides',
  'devtools_page',
  'oauth2',
  'key',
  'update_url',
  'storage', // the top-level key: a managed-storage schema for administrators
];

describe('Chrome (MV3) manifest', () => {
  it('asks at install only for activeTab, scripting, storage and sidePanel (no site access, no warning)', () => {
    const { manifest } = builds.chrome;
    expect(manifest.manifest_version).toBe(3);
    // sidePanel is what chrome.sidePanel.open needs; it shows no install warning.
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['activeTab', 'scripting', 'sidePanel', 'storage']);
  });

  it('asks for web sites only as optional host permissions', () => {
    const { manifest } = builds.chrome;
    expect(manifest.optional_host_permissions).toEqual(OPTIONAL_SITES);
    expect(manifest.optional_permissions ?? []).toEqual([]);
  });

  it('declares no content script, no page-accessible resource and no way for web pages to message it', () => {
    for (const key of FORBIDDEN_KEYS) expect(builds.chrome.manifest, key).not.toHaveProperty(key);
  });

  it('runs a local service worker', () => {
    expect(builds.chrome.manifest.background).toEqual({ service_worker: 'background.js' });
  });
});

describe('Firefox (MV2) manifest', () => {
  it('asks at install only for activeTab, scripting and storage', () => {
    const { manifest } = builds.firefox;
    expect(manifest.manifest_version).toBe(2);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['activeTab', 'scripting', 'storage']);
  });

  it('asks for web sites only as optional permissions', () => {
    expect(builds.firefox.manifest.optional_permissions).toEqual(OPTIONAL_SITES);
  });

  it('declares no content script, no page-accessible resource and no way for web pages to message it', () => {
    for (const key of FORBIDDEN_KEYS) expect(builds.firefox.manifest, key).not.toHaveProperty(key);
  });

  it('says it collects no data (addons.mozilla.org data_collection_permissions)', () => {
    const gecko = (builds.firefox.manifest.browser_specific_settings as { gecko: { data_collection_permissions: unknown } }).gecko;
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('runs local background scripts only', () => {
    expect(builds.firefox.manifest.background).toEqual({ scripts: ['background.js'] });
  });
});

describe.each(['chrome', 'firefox'] as const)('%s build: no remote code', (browser) => {
  it('has a strict content security policy (the browser default, or no looser than it)', () => {
    const csp = builds[browser].manifest.content_security_policy;
    const policies = csp === undefined ? [] : typeof csp === 'string' ? [csp] : Object.values(csp as Record<string, string>);
    for (const policy of policies) expectStrictCsp(policy);
  });

  it('loads every script, style and page from the package itself', () => {
    const { dir } = builds[browser];
    const remote: string[] = [];
    for (const file of files(dir)) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of REMOTE_LOADS) {
        for (const m of text.matchAll(pattern)) remote.push(`${relative(dir, file)}: ${m[0].slice(0, 120)}`);
      }
    }
    expect(remote).toEqual([]);
  });

  it('evaluates no code from strings and opens no connection (fetch only in Vite’s modulepreload of local chunks)', () => {
    const { dir } = builds[browser];
    const found: string[] = [];
    for (const file of files(dir).filter((f) => f.endsWith('.js') || f.endsWith('.html'))) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of [
        /\beval\s*\(/g,
        /\bnew Function\s*\(/g,
        /\bXMLHttpRequest\b/g,
        /\bWebSocket\b/g,
        /\bEventSource\b/g,
        /\bsendBeacon\b/g,
        /\bimportScripts\b/g,
        /\bsetTimeout\(\s*["'`]/g,
      ]) {
        for (const m of text.matchAll(pattern)) found.push(`${relative(dir, file)}: ${m[0]}`);
      }
      for (const m of text.matchAll(/\bfetch\s*\(/g)) {
        // Vite's polyfill preloads <link rel="modulepreload"> chunks, which are the package's own files.
        if (!/modulepreload/.test(text.slice(Math.max(0, m.index - 1200), m.index))) found.push(`${relative(dir, file)}: fetch( at ${m.index}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the pages it opens reference only local files', () => {
    const { dir } = builds[browser];
    for (const page of files(dir).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(page, 'utf8');
      const refs = [...html.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/g)].map((m) => m[1]!);
      expect(refs.length, relative(dir, page)).toBeGreaterThan(0);
      for (const ref of refs) expect(ref, `${relative(dir, page)}: ${ref}`).toMatch(/^(?:\/|\.\/|\.\.\/|[\w-]+\/|[\w-]+\.\w+$)/);
    }
  });
});

/** What would load code or styles from the network. */
const REMOTE_LOADS = [
  /<script[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//gi,
  /<link[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\//gi,
  /<iframe[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//gi,
  /\bimport\s*\(\s*["'`](?:https?:)?\/\//g,
  /\bfrom\s*["'`](?:https?:)?\/\//g,
  /\bimportScripts\s*\(\s*["'`](?:https?:)?\/\//g,
  /url\(\s*["']?(?:https?:)?\/\//gi,
  /@import\s+(?:url\()?\s*["']?(?:https?:)?\/\//gi,
];

function expectStrictCsp(policy: string): void {
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values] as const),
  );
  const scripts = directives.get('script-src') ?? directives.get('default-src');
  expect(scripts, policy).toBeDefined();
  for (const value of scripts!) expect(["'self'", "'wasm-unsafe-eval'", "'none'"], policy).toContain(value);
  for (const [, values] of directives) {
    for (const value of values) expect(value, policy).not.toMatch(/^(?:https?:|\*|'unsafe-eval'|'unsafe-inline'|data:|blob:)/);
  }
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(?:js|mjs|html|css|json)$/.test(name) ? [path] : [];
  });
}
