// @vitest-environment happy-dom
// The page cannot talk to the extension, and nothing malformed gets through: every runtime message is parsed
// with zod (extension/messages.ts) by the background and by the content script; random and mutated messages
// are ignored without side effects; messages from another extension are dropped; window.postMessage and DOM
// events from the page reach no handler. (tests/background.test.ts has the background's basic cases; the
// browser-level proof is tests/e2e/security.e2e.ts.)
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Background } from '../../extension/background';
import { messageSchema, parseMessage, type Message } from '../../extension/messages';
import { startPageAnalysis } from '../../extension/page-analysis';
import { articleFindingsSchema, parsePageMessage } from '../../extension/page-messages';
import { SENT_ARTICLE } from '../helpers/article';
import { makeReport } from '../helpers/report';
import { REPORT } from '../panel-fixture';

/** Valid messages of every type, to mutate. */
const VALID: Message[] = [
  { type: 'analyse-tab', tabId: 1 },
  { type: 'get-tab-state', tabId: 1 },
  { type: 'scroll-to-finding', tabId: 1, findingId: 'f1' },
  { type: 'set-highlights-visible', tabId: 1, visible: false },
  { type: 'run-analysis' },
  { type: 'content-scroll-to-finding', findingId: 'f1' },
  { type: 'content-set-highlights-visible', visible: true },
  { type: 'tab-report', state: { status: 'analysed' } },
  { type: 'tab-state-changed', tabId: 1, state: { status: 'idle' } },
  { type: 'tab-state-changed', tabId: 1, state: { status: 'ready', report: makeReport() } },
];

/** A valid message with one field replaced by something else (or removed, or one added). */
const mutated = fc
  .tuple(fc.constantFrom(...VALID), fc.anything({ maxDepth: 3 }), fc.nat(), fc.constantFrom('replace', 'delete', 'add', 'deep'))
  .map(([message, value, n, how]) => {
    const copy = structuredClone(message) as Record<string, unknown>;
    const keys = Object.keys(copy);
    const key = keys[n % keys.length]!;
    if (how === 'replace') copy[key] = value;
    else if (how === 'delete') delete copy[key];
    else if (how === 'add') copy[`extra${n}`] = value;
    else if (copy.state && typeof copy.state === 'object') {
      const report = (copy.state as { report?: Record<string, unknown> }).report;
      if (report) report[Object.keys(report)[n % Object.keys(report).length]!] = value;
    }
    return copy;
  });

describe('parseMessage', () => {
  it('accepts exactly what the schema accepts, and never throws, on anything', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), mutated), (raw) => {
        const parsed = parseMessage(raw);
        if (parsed === null) expect(messageSchema.safeParse(raw).success).toBe(false);
        else expect(messageSchema.parse(parsed)).toEqual(parsed);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses prototype tricks, oversized ids, non-finite tab ids and reports that break their schema', () => {
    const refused: unknown[] = [
      // (Inherited properties cannot arrive: runtime messages are copied as JSON-like data, own properties only.)
      JSON.parse('{"__proto__": {"type": "run-analysis"}}'),
      { type: 'content-scroll-to-finding', findingId: 'f'.repeat(33) },
      { type: 'analyse-tab', tabId: Number.NaN },
      { type: 'analyse-tab', tabId: Number.POSITIVE_INFINITY },
      { type: 'analyse-tab', tabId: 1.5 },
      { type: 'tab-state-changed', tabId: 1, state: { status: 'ready', report: { ...makeReport(), score: -1 } } },
      { type: 'tab-state-changed', tabId: 1, state: { status: 'ready', report: { ...makeReport(), findings: [{ id: 'f1' }] } } },
      { type: 'tab-state-changed', tabId: 1, state: { status: 'ready', report: { ...makeReport(), schemaVersion: 2 } } },
      { type: 'tab-report', state: { status: 'hacked' } },
      // The content script's word carries no report: the background holds the one it computed.
      { type: 'tab-report', state: { status: 'ready' } },
      { type: 'RUN-ANALYSIS' },
      ['run-analysis'],
    ];
    for (const raw of refused) expect(parseMessage(raw), JSON.stringify(raw)).toBeNull();
  });

  it('drops fields it does not know: a handler only ever sees the schema’s fields', () => {
    expect(parseMessage({ type: 'run-analysis', code: 'alert(1)' })).toEqual({ type: 'run-analysis' });
    expect(parseMessage({ type: 'analyse-tab', tabId: 3, url: 'javascript:alert(1)' })).toEqual({ type: 'analyse-tab', tabId: 3 });
  });
});

describe('the content script’s own parser (page-messages.ts)', () => {
  it('accepts only the background’s commands to a page, each as the full schema reads it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), mutated), (raw) => {
        const parsed = parsePageMessage(raw);
        if (parsed !== null) {
          expect(['run-analysis', 'content-scroll-to-finding', 'content-set-highlights-visible']).toContain(parsed.type);
          expect(parseMessage(raw)).toEqual(parsed);
        }
      }),
      { numRuns: 300 },
    );
    for (const message of VALID) {
      const page = ['run-analysis', 'content-scroll-to-finding', 'content-set-highlights-visible'].includes(message.type);
      expect(parsePageMessage(message) !== null, message.type).toBe(page);
    }
  });

  it('takes from the background’s answer only what highlights need, and refuses a malformed one', () => {
    const report = REPORT;
    expect(report.findings.length).toBeGreaterThan(0);
    const parsed = articleFindingsSchema.parse(report);
    expect(parsed.findings).toEqual(report.findings.map(({ id, category, start, end }) => ({ id, category, start, end })));
    for (const bad of [
      { findings: [] },
      { article: { found: true }, findings: [{ id: 'f1', category: 'gossip', start: 0, end: 1 }] },
      { article: { found: true }, findings: [{ id: 'f1', category: 'named-source', start: -1, end: 1 }] },
    ]) {
      expect(articleFindingsSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('the background ignores what is not one of its messages', () => {
  let executeScript: ReturnType<typeof vi.fn>;
  let sendToTab: ReturnType<typeof vi.fn>;
  let background: Background;

  beforeEach(() => {
    fakeBrowser.reset();
    const api = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
    executeScript = vi.fn(async () => []);
    sendToTab = vi.fn(async () => ({ ok: true }));
    api.scripting = { executeScript, getRegisteredContentScripts: vi.fn(async () => []), registerContentScripts: vi.fn(), unregisterContentScripts: vi.fn() };
    api.permissions = { contains: vi.fn(async () => true), request: vi.fn(), remove: vi.fn(), onRemoved: { addListener: vi.fn() } };
    api.sidePanel = { open: vi.fn(async () => {}) };
    api.tabs!.sendMessage = sendToTab;
    background = new Background();
    background.start();
  });

  const deliver = async (raw: unknown, sender: object) => (await fakeBrowser.runtime.onMessage.trigger(raw, sender, () => {})).find((r) => r !== undefined);

  it('random and mutated messages get no answer and change nothing', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), mutated), async (raw) => {
        fc.pre(parseMessage(raw) === null);
        expect(await deliver(raw, { tab: { id: tab.id }, frameId: 0 })).toBeUndefined();
      }),
      { numRuns: 300 },
    );
    expect(executeScript).not.toHaveBeenCalled();
    expect(sendToTab).not.toHaveBeenCalled();
    expect(await background.store.get(tab.id!)).toEqual({ status: 'idle' });
  });

  it('drops valid messages sent by another extension', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    const stranger = { id: 'some-other-extension-id', tab: { id: tab.id }, frameId: 0 };
    expect(await deliver({ type: 'analyse-tab', tabId: tab.id }, stranger)).toBeUndefined();
    expect(await deliver({ type: 'tab-report', state: { status: 'analysed' } }, stranger)).toBeUndefined();
    expect(await deliver({ type: 'analyse-article', article: SENT_ARTICLE }, stranger)).toBeUndefined();
    expect(await deliver({ type: 'scroll-to-finding', tabId: tab.id, findingId: 'f1' }, stranger)).toBeUndefined();
    expect(executeScript).not.toHaveBeenCalled();
    expect(sendToTab).not.toHaveBeenCalled();
    expect(await background.store.get(tab.id!)).toEqual({ status: 'idle' });
  });
});

describe('the content script ignores the page and malformed messages', () => {
  let ctx: ContentScriptContext;
  let sent: unknown[];
  const analyses = () => performance.getEntriesByName('sourcier:analyse').length;

  beforeEach(async () => {
    fakeBrowser.reset();
    performance.clearMeasures();
    sent = [];
    // The background's side: it analyses what the content script read (when the content script asks it to) and
    // takes its reports. Only the reports are recorded.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
      if (message.type === 'analyse-article') return makeReport();
      if (message.type === 'may-read') return { ok: true };
      sent.push(message);
      return undefined;
    }) as never);
    // happy-dom has no layout, so the content script's isHidden may find the article hidden ('no-article'): these
    // tests are about which messages get an answer, not about the report.
    document.body.innerHTML = `<article><h1>Un titre</h1><p>${'Selon nos sources, le ministre aurait démissionné hier soir après une longue réunion. '.repeat(3)}</p></article>`;
    ctx = new ContentScriptContext('content');
    startPageAnalysis(ctx, document);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
  });

  afterEach(() => {
    ctx.notifyInvalidated();
    vi.restoreAllMocks();
  });

  const deliver = async (raw: unknown, sender: object = {}) =>
    (await fakeBrowser.runtime.onMessage.trigger(raw, sender, () => {})).find((r) => r !== undefined);

  it('reported its first analysis (the set-up works)', () => {
    expect(sent[0]).toMatchObject({ type: 'tab-report' });
    expect((sent[0] as { state: { status: string } }).state.status).toBe('analysed');
    expect(analyses()).toBe(1);
  });

  it('answers a valid run-analysis, and nothing malformed', async () => {
    const before = analyses();
    for (const raw of [
      { type: 'run-analysis ' },
      { type: 'Run-Analysis' },
      { type: 'content-scroll-to-finding', findingId: 42 },
      { type: 'content-set-highlights-visible', visible: 'no' },
      null,
      'run-analysis',
    ]) {
      expect(await deliver(raw), JSON.stringify(raw)).toBeUndefined();
    }
    expect(analyses()).toBe(before);
    expect(await deliver({ type: 'run-analysis' })).toHaveProperty('status');
    expect(analyses()).toBe(before + 1);
  });

  it('ignores messages from another extension', async () => {
    const before = analyses();
    expect(await deliver({ type: 'run-analysis' }, { id: 'some-other-extension-id' })).toBeUndefined();
    expect(analyses()).toBe(before);
  });

  it('ignores window.postMessage and DOM events from the page', async () => {
    const before = analyses();
    const attempts: unknown[] = [
      { type: 'run-analysis' },
      { type: 'tab-report', state: { status: 'analysed' } },
      { type: 'content-set-highlights-visible', visible: false },
      { type: 'wxt:content-script-started', contentScriptName: 'content', messageId: 'forged' },
    ];
    for (const data of attempts) window.postMessage(data, '*');
    for (const name of ['run-analysis', 'sourcier', 'wxt:locationchange', 'wxt:content-script-started', 'message']) {
      window.dispatchEvent(new CustomEvent(name, { detail: { type: 'run-analysis' } }));
      document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
    }
    await new Promise((done) => setTimeout(done, 50));
    expect(analyses()).toBe(before);
    expect(sent).toHaveLength(1);
    // Still alive and listening: the forged "newer copy started" events did not stop it.
    expect(ctx.isValid).toBe(true);
    expect(await deliver({ type: 'run-analysis' })).toHaveProperty('status');
  });
});
