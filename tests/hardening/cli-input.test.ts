// Bad input to the CLI, beyond tests/cli.test.ts (which covers a missing file, a directory, an empty file,
// binary data and a failed download): very large files and streams, invalid UTF-8 and odd encodings, text that is
// not HTML, downloads that fail in odd ways, hostile rule packs. Each gives a one-line error and its documented
// exit code, never a stack trace. Then the BUILT CLI (dist/sourcier.mjs) runs as a child process, to prove that
// what reaches a terminal is one line.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, MAX_INPUT_BYTES, run, type CliIO } from '../../cli/sourcier';
import { reportSchema } from '../../analyser/report';

const REPO = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'sourcier-cli-hardening-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Fetched {
  body: Buffer;
  contentType: string | null;
}

function cli(options: { stdin?: Buffer | string; fetch?: () => Promise<Fetched> } = {}) {
  const out = { stdout: '', stderr: '' };
  const io: CliIO = {
    stdout: (s) => void (out.stdout += s),
    stderr: (s) => void (out.stderr += s),
    readStdin: async () => (Buffer.isBuffer(options.stdin) ? options.stdin : Buffer.from(options.stdin ?? '')),
    fetchUrl: options.fetch ?? (async () => Promise.reject(new Error('no network in tests'))),
  };
  return { out, io };
}

/** One line on stderr, starting with "sourcier: ", no stack frame. */
function expectOneLineError(stderr: string, message: RegExp): void {
  expect(stderr).toMatch(/^sourcier: /);
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\bat .+:\d+:\d+|node:internal|Error:/);
  expect(stderr).toMatch(message);
}

const FILLER = 'Le gouvernement a présenté mardi un plan de réforme qui doit entrer en vigueur au printemps, après plusieurs mois de concertation. ';
const ARTICLE = `<html lang="fr"><body><article><h1>Un titre</h1><p>Selon nos sources, le ministre aurait démissionné. ${FILLER}</p><p>${FILLER}${FILLER}</p></article></body></html>`;

/** A file of `bytes` bytes that takes no disk space (sparse). */
function sparseFile(name: string, bytes: number): string {
  const file = join(dir, name);
  const fd = openSync(file, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return file;
}

describe('large inputs', () => {
  it('a 50 MB file is refused before it is read: one line, exit 2', async () => {
    const file = sparseFile('huge.html', 50 * 1024 * 1024);
    expect(statSync(file).size).toBe(50 * 1024 * 1024);
    const { out, io } = cli();
    expect(await run(['analyze', file], io)).toBe(EXIT.input);
    expectOneLineError(out.stderr, /too large \(50\.0 MB; the limit is 20 MB\)/);
    expect(out.stdout).toBe('');
    rmSync(file);
  });

  it('50 MB on standard input is refused: one line, exit 2', async () => {
    const { out, io } = cli({ stdin: Buffer.alloc(50 * 1024 * 1024, 'a') });
    expect(await run(['analyze', '-'], io)).toBe(EXIT.input);
    expectOneLineError(out.stderr, /standard input: too large/);
  });

  it('a 50 MB download is refused: one line, exit 2', async () => {
    const { out, io } = cli({ fetch: async () => ({ body: Buffer.alloc(50 * 1024 * 1024, 'a'), contentType: 'text/html' }) });
    expect(await run(['analyze', 'https://news.example/huge'], io)).toBe(EXIT.input);
    expectOneLineError(out.stderr, /https:\/\/news\.example\/huge: too large/);
  });

  it('a file just under the limit is analysed', { timeout: 120_000 }, async () => {
    const paragraph = `<p>Selon nos sources, le ministre aurait démissionné. ${FILLER}</p>`;
    const file = join(dir, 'big.html');
    writeFileSync(
      file,
      `<html lang="fr"><body><article><h1>Titre</h1>${paragraph.repeat(Math.floor((MAX_INPUT_BYTES - 200) / Buffer.byteLength(paragraph)))}</article></body></html>`,
    );
    expect(statSync(file).size).toBeLessThanOrEqual(MAX_INPUT_BYTES);
    const { out, io } = cli();
    expect(await run(['analyze', file, '--format', 'json'], io)).toBe(EXIT.ok);
    const report = reportSchema.parse(JSON.parse(out.stdout));
    expect(report.article.truncatedAt).not.toBeNull();
    rmSync(file);
  });
});

describe('encodings and text that is not HTML', () => {
  it('invalid UTF-8 is read with replacement characters, not refused, and the report is sound', async () => {
    const at = ARTICLE.indexOf('</h1>');
    const bytes = Buffer.concat([
      Buffer.from(ARTICLE.slice(0, at)),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0xf0, 0x28, 0x8c, 0x28]),
      Buffer.from(ARTICLE.slice(at)),
    ]);
    const file = join(dir, 'invalid-utf8.html');
    writeFileSync(file, bytes);
    const { out, io } = cli();
    expect(await run(['analyze', file, '--format', 'json'], io)).toBe(EXIT.ok);
    const report = reportSchema.parse(JSON.parse(out.stdout));
    expect(report.counts['anonymous-source']).toBeGreaterThan(0);
    expect(report.title).toContain('\ufffd');
    expect(out.stderr).toBe('');
  });

  it('a page of nothing but invalid bytes is "no article" (exit 3), not a crash', async () => {
    const file = join(dir, 'all-invalid.html');
    writeFileSync(file, Buffer.from(Array.from({ length: 4000 }, (_, i) => 0x80 + (i % 0x7f))));
    const { out, io } = cli();
    expect(await run(['analyze', file], io)).toBe(EXIT.noArticle);
    expect(out.stderr).toBe('');
  });

  it.each([
    ['plain text with no markup', 'Selon nos sources, le ministre aurait démissionné.'],
    ['a lone comment', '<!-- nothing here -->'],
    ['a doctype alone', '<!doctype html>'],
    ['an XML prolog', '<?xml version="1.0"?><rss><channel><title>Flux</title></channel></rss>'],
    ['a closing tag alone', '</html>'],
  ])('%s: "no article" with exit 3, no error', async (_, content) => {
    const file = join(dir, 'odd.html');
    writeFileSync(file, content);
    const { out, io } = cli();
    expect(await run(['analyze', file, '--format', 'json'], io)).toBe(EXIT.noArticle);
    expect(reportSchema.parse(JSON.parse(out.stdout)).article.found).toBe(false);
    expect(out.stderr).toBe('');
  });

  it('white space only is "empty": one line, exit 2', async () => {
    const file = join(dir, 'blank.html');
    writeFileSync(file, ' \n\t\r\n   \n');
    const { out, io } = cli();
    expect(await run(['analyze', file], io)).toBe(EXIT.input);
    expectOneLineError(out.stderr, /is empty/);
  });

  it('a declared legacy charset (windows-1252) and an unknown one are read', async () => {
    const latin = Buffer.from(ARTICLE.replace('<html lang="fr">', '<html lang="fr"><head><meta charset="windows-1252"></head>'), 'latin1');
    const a = cli({ stdin: latin });
    expect(await run(['analyze', '-', '--format', 'json'], a.io)).toBe(EXIT.ok);
    expect(JSON.parse(a.out.stdout).findings.some((f: { text: string }) => f.text.includes('Selon nos sources'))).toBe(true);
    const b = cli({ stdin: ARTICLE.replace('<html lang="fr">', '<html lang="fr"><head><meta charset="x-no-such-charset"></head>') });
    expect(await run(['analyze', '-', '--format', 'json'], b.io)).toBe(EXIT.ok);
  });

  it('control characters spread through a binary file are refused as binary', async () => {
    const file = join(dir, 'controls.html');
    writeFileSync(file, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i % 3 ? 0x41 : 0x01 + (i % 7)))));
    const { out, io } = cli();
    expect(await run(['analyze', file], io)).toBe(EXIT.input);
    expectOneLineError(out.stderr, /binary/);
  });
});

describe('downloads that fail', () => {
  it.each([
    ['an HTTP error', () => Promise.reject(new Error('HTTP 404')), /download failed \(HTTP 404\)/],
    [
      'a timeout',
      () => Promise.reject(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
      /download failed \(The operation was aborted due to timeout\)/,
    ],
    [
      'an error whose message spans several lines',
      () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:1\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)')),
      /download failed \(connect ECONNREFUSED 127\.0\.0\.1:1\)/,
    ],
    ['a rejection that is not an Error', () => Promise.reject('socket hang up'), /download failed \(socket hang up\)/],
    ['an empty body', () => Promise.resolve({ body: Buffer.alloc(0), contentType: 'text/html' }), /is empty/],
    ['binary content', () => Promise.resolve({ body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), contentType: 'image/png' }), /binary/],
  ])('%s: one line, exit 2', async (_, fetch, message) => {
    const { out, io } = cli({ fetch: fetch as () => Promise<Fetched> });
    expect(await run(['analyze', 'https://news.example/a'], io)).toBe(EXIT.input);
    expectOneLineError(out.stderr, message);
  });

  it('one bad input among good ones: the good reports are written, one line per bad input, exit 2', async () => {
    const good = join(dir, 'good.html');
    writeFileSync(good, ARTICLE);
    const { out, io } = cli();
    expect(await run(['analyze', good, join(dir, 'missing.html'), 'https://news.example/down', good, '--format', 'json'], io)).toBe(EXIT.input);
    expect(JSON.parse(out.stdout)).toHaveLength(2);
    const lines = out.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expectOneLineError(`${line}\n`, /./);
  });
});

describe('hostile rule packs', () => {
  const pack = (patterns: string[]) =>
    JSON.stringify({
      schemaVersion: 1,
      id: 'hostile',
      name: 'Hostile',
      rules: [
        {
          id: 'fr-hostile',
          category: 'vague-attribution',
          lang: 'fr',
          patterns,
          weight: -2,
          explanation: 'Une rumeur n’est pas une source.',
          trainerNote: 'Demandez qui fait courir la rumeur.',
          examples: { match: ['Selon radio-trottoir, aaaa il part.'] },
        },
      ],
    });

  it('a pattern that can backtrack catastrophically is refused, naming the rule: one line, exit 2', async () => {
    const html = join(dir, 'article.html');
    writeFileSync(html, ARTICLE);
    // The same pack with a safe pattern is accepted: the refusal is about the pattern.
    const safe = join(dir, 'safe.json');
    writeFileSync(safe, pack(['\\bradio-trottoir\\b']));
    const ok = cli();
    expect(await run(['analyze', html, '--rules', safe], ok.io), ok.out.stderr).toBe(EXIT.ok);
    const file = join(dir, 'redos.json');
    writeFileSync(file, pack(['(a+)+$', '(?:\\w+\\s?)*;']));
    const { out, io } = cli();
    expect(await run(['analyze', html, '--rules', file], io)).toBe(EXIT.input);
    expectOneLineError(out.stderr, /invalid rule pack: .*fr-hostile/);
    expect(out.stdout).toBe('');
  });

  it.each([
    ['not JSON', '{"schemaVersion": 1,'],
    ['a JSON array', '[]'],
    ['deeply nested JSON', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['a pattern that does not compile', pack(['(unclosed'])],
  ])('%s: one line, exit 2', async (_, content) => {
    const file = join(dir, 'bad-pack.json');
    writeFileSync(file, content);
    const { out, io } = cli();
    expect(await run(['analyze', '-', '--rules', file], io)).toBe(EXIT.input);
    expectOneLineError(out.stderr, /invalid rule pack/);
  });

  it('a missing pack file and a directory: one line, exit 2', async () => {
    for (const file of [join(dir, 'no-pack.json'), dir]) {
      const { out, io } = cli();
      expect(await run(['analyze', '-', '--rules', file], io)).toBe(EXIT.input);
      expectOneLineError(out.stderr, /invalid rule pack/);
    }
  });
});

describe('terminal escape sequences from a hostile page, pack or file name', () => {
  const ESC = '\u001b';
  const hostile =
    `<html lang="fr"><head><title>Titre${ESC}]0;pwned\u0007</title></head><body><article><h1>Un titre${ESC}]52;c;ZWNobyBwd25lZA==\u0007</h1>` +
    `<p>Selon nos sources${ESC}[2J${ESC}[H, le ministre aurait démissionné.\u009b31m ${FILLER}</p><p>${FILLER}${FILLER}</p></article></body></html>`;

  it.each(['text', 'md'])('the %s report shows them escaped, never raw', async (format) => {
    const { out, io } = cli({ stdin: hostile });
    expect(await run(['analyze', '-', '--format', format], io)).toBe(EXIT.ok);
    expect(out.stdout).toContain('Selon nos sources');
    expect(out.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(out.stdout).toContain('\\u001b');
  });

  it('the JSON report escapes them (JSON strings cannot hold raw C0 controls)', async () => {
    const { out, io } = cli({ stdin: hostile });
    await run(['analyze', '-', '--format', 'json'], io);
    expect(out.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(JSON.parse(out.stdout).findings.some((f: { sentence: string }) => f.sentence.includes(`${ESC}[2J`))).toBe(true);
  });

  it('a file name or a rule id with a newline or an escape stays one line on stderr', async () => {
    const weird = join(dir, `line\nbreak${ESC}[31m.html`);
    const a = cli();
    expect(await run(['analyze', weird], a.io)).toBe(EXIT.input);
    expectOneLineError(a.out.stderr, /no such file/);
    expect(a.out.stderr).not.toContain(ESC);
    const packFile = join(dir, 'weird-id.json');
    writeFileSync(packFile, JSON.stringify({ schemaVersion: 1, id: 'x', name: 'x', rules: [{ id: `a\nb${ESC}[2J`, category: 'nope' }] }));
    const b = cli();
    expect(await run(['analyze', '-', '--rules', packFile], b.io)).toBe(EXIT.input);
    expectOneLineError(b.out.stderr, /invalid rule pack/);
    expect(b.out.stderr).not.toContain(ESC);
  });
});

describe('the built CLI in a terminal (dist/sourcier.mjs as a child process)', () => {
  const bin = join(REPO, 'dist/sourcier.mjs');

  beforeAll(() => {
    // Built from the current sources (npm install builds it too; a test must not trust a stale bundle).
    const built = spawnSync(process.execPath, [join(REPO, 'cli/build.mjs')], { cwd: REPO, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`cli/build.mjs failed: ${built.stderr}`);
  }, 120_000);

  const sourcier = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });

  it('a missing file: one line on stderr, exit 2, nothing on stdout', () => {
    expect(existsSync(bin)).toBe(true);
    const result = sourcier('analyze', join(dir, 'does-not-exist.html'));
    expect(result.status).toBe(EXIT.input);
    expect(result.stdout).toBe('');
    expectOneLineError(result.stderr, /no such file/);
  });

  it('a 50 MB file: one line on stderr, exit 2', () => {
    const file = sparseFile('huge-child.html', 50 * 1024 * 1024);
    const result = sourcier('analyze', file);
    rmSync(file);
    expect(result.status).toBe(EXIT.input);
    expectOneLineError(result.stderr, /too large/);
  });

  it('a URL that cannot be reached (a closed local port): one line on stderr, exit 2', () => {
    const result = sourcier('analyze', 'http://127.0.0.1:9/article');
    expect(result.status).toBe(EXIT.input);
    expectOneLineError(result.stderr, /download failed/);
  });

  it('a binary file: one line on stderr, exit 2', () => {
    const file = join(dir, 'image.html');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const result = sourcier('analyze', file);
    expect(result.status).toBe(EXIT.input);
    expectOneLineError(result.stderr, /binary/);
  });
});
