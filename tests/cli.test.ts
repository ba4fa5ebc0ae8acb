// The CLI's formats, exit codes and one-line errors, through `run` with an in-memory IO.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, run, type CliIO } from '../cli/sourcier';
import { reportSchema } from '../analyser/report';

const seed = resolve(__dirname, '../../shared/corpus/pages/seed-001.html');
const dir = mkdtempSync(join(tmpdir(), 'sourcier-cli-'));

function io(stdin = '', fetched?: { body: string } | Error) {
  const out = { stdout: '', stderr: '' };
  const api: CliIO = {
    stdout: (s) => void (out.stdout += s),
    stderr: (s) => void (out.stderr += s),
    readStdin: async () => Buffer.from(stdin),
    fetchUrl: async () => {
      if (!fetched || fetched instanceof Error) throw fetched ?? new Error('offline');
      return { body: Buffer.from(fetched.body), contentType: 'text/html; charset=utf-8' };
    },
  };
  return { out, api };
}

const filler =
  'Le gouvernement a présenté mardi un plan de réforme qui doit entrer en vigueur au printemps, après plusieurs mois de concertation avec les syndicats et les élus locaux.';
const article = `<html lang="fr"><head><title>Test</title></head><body><article><h1>Exclusif. Un titre</h1>
<p>Selon nos sources, le ministre partira. Le ministre de la Défense, Jean Dupont, a déclaré que rien n'était décidé.</p>
<p>${filler}</p><p>${filler}</p><p>${filler}</p></article></body></html>`;

describe('sourcier analyze', () => {
  it('writes a JSON report with the documented fields', async () => {
    const { out, api } = io();
    expect(await run(['analyze', seed, '--format', 'json'], api)).toBe(EXIT.ok);
    const report = reportSchema.parse(JSON.parse(out.stdout));
    expect(report.lang).toBe('fr');
    expect(report.band).toBe('weak');
    expect(report.findings.some((f) => f.category === 'anonymous-source' && /nos sources/i.test(f.text))).toBe(true);
    for (const f of report.findings) expect(f.sentence).toContain(f.text);
  });

  it('writes a JSON array for several inputs', async () => {
    const { out, api } = io();
    expect(await run(['analyze', seed, seed, '--format=json'], api)).toBe(EXIT.ok);
    expect(JSON.parse(out.stdout)).toHaveLength(2);
  });

  it('writes a readable text report grouped by category', async () => {
    const { out, api } = io();
    await run(['analyze', seed], api);
    expect(out.stdout).toMatch(/Note\s*: \d+\/100/);
    expect(out.stdout).toContain('[anonymous-source]');
    expect(out.stdout).toContain('Selon nos sources');
  });

  it('writes Markdown with the page text escaped', async () => {
    const file = join(dir, 'md.html');
    writeFileSync(file, article.replace('Un titre', 'Un [lien](javascript:alert(1)) <img src=x>'));
    const { out, api } = io();
    await run(['analyze', file, '--format', 'md'], api);
    expect(out.stdout).toMatch(/^# /);
    expect(out.stdout).toContain('## ');
    expect(out.stdout).not.toContain('](javascript:');
    expect(out.stdout).not.toContain('<img');
  });

  it('reads standard input with -', async () => {
    const { out, api } = io(article);
    expect(await run(['analyze', '-', '--format', 'json'], api)).toBe(EXIT.ok);
    const report = JSON.parse(out.stdout);
    expect(report.source).toBe('stdin');
    expect(report.counts['named-source']).toBeGreaterThan(0);
  });

  it('writes the report in the language --lang asks for; the article keeps its own, detected language', async () => {
    const { out, api } = io(article);
    await run(['analyze', '-', '--format', 'json', '--lang', 'en'], api);
    const report = JSON.parse(out.stdout);
    expect(report.lang).toBe('fr');
    expect(report.reportLang).toBe('en');
    // The French rules' findings are explained in English, the quoted page text stays French.
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect(f.explanation, f.ruleId).toMatch(/\b(the|a|an|is|it|of)\b/);
    expect(report.findings.some((f: { sentence: string }) => /\b(le|la|les|des)\b/i.test(f.sentence))).toBe(true);
    expect(report.summary).not.toMatch(/\b(source anonyme|Aucun|Attribue)\b/);
    const md = io(article);
    await run(['analyze', '-', '--format', 'md', '--lang', 'en'], md.api);
    expect(md.out.stdout).toContain('## Why this score');
  });

  it('forces the article’s language with --article-lang (the report follows it unless --lang says otherwise)', async () => {
    const { out, api } = io(article);
    await run(['analyze', '-', '--format', 'json', '--article-lang', 'en'], api);
    expect(JSON.parse(out.stdout)).toMatchObject({ lang: 'en', reportLang: 'en' });
  });

  it('fetches a URL only when given one, and says so when it fails', async () => {
    const ok = io('', { body: article });
    expect(await run(['analyze', 'https://example.org/a', '--format', 'json'], ok.api)).toBe(EXIT.ok);
    expect(JSON.parse(ok.out.stdout).source).toBe('https://example.org/a');
    const ko = io('', new Error('getaddrinfo ENOTFOUND'));
    expect(await run(['analyze', 'https://example.invalid/'], ko.api)).toBe(EXIT.input);
    expect(ko.out.stderr).toBe('sourcier: https://example.invalid/: download failed (getaddrinfo ENOTFOUND)\n');
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.html'), /no such file/],
    ['a directory', () => dir, /is a directory/],
    ['an empty file', () => (writeFileSync(join(dir, 'empty.html'), ''), join(dir, 'empty.html')), /is empty/],
    ['binary data', () => (writeFileSync(join(dir, 'bin.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3])), join(dir, 'bin.html')), /binary/],
  ])('gives a one-line error for %s, exit code 2', async (_, file, message) => {
    const { out, api } = io();
    expect(await run(['analyze', file()], api)).toBe(EXIT.input);
    expect(out.stderr).toMatch(message);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it('says when no article was found, exit code 3', async () => {
    const file = join(dir, 'nav.html');
    writeFileSync(file, '<html><body><nav><a href="/">Accueil</a></nav></body></html>');
    const { out, api } = io();
    expect(await run(['analyze', file], api)).toBe(EXIT.noArticle);
    expect(out.stdout).toMatch(/No article|Aucun article/);
    // The JSON says so too, with no score and no band: a page with nothing to judge gets no verdict.
    const json = io();
    expect(await run(['analyze', file, '--format', 'json'], json.api)).toBe(EXIT.noArticle);
    expect(JSON.parse(json.out.stdout)).toMatchObject({ article: { found: false }, score: null, band: null });
    const md = io();
    await run(['analyze', file, '--format', 'md'], md.api);
    expect(md.out.stdout).not.toMatch(/\/100|weak|faible/i);
  });

  it('rejects bad usage with exit code 1', async () => {
    for (const argv of [['analyze'], ['frobnicate'], ['analyze', seed, '--format', 'pdf'], ['analyze', seed, '--lang', 'de'], ['analyze', seed, '--bogus']]) {
      const { out, api } = io();
      expect(await run(argv, api), argv.join(' ')).toBe(EXIT.usage);
      expect(out.stderr).toMatch(/^sourcier: /);
    }
  });

  it('loads a rule pack with --rules, and names the rule and field when it is invalid', async () => {
    const good = join(dir, 'pack.json');
    writeFileSync(
      good,
      JSON.stringify({
        schemaVersion: 1,
        id: 'class-pack',
        name: 'Class',
        rules: [
          {
            id: 'class-rumeur',
            category: 'vague-attribution',
            lang: 'fr',
            patterns: ['\\bradio-trottoir\\b'],
            weight: -4,
            explanation: 'Une rumeur n’est pas une source.',
            trainerNote: 'Demandez qui fait courir la rumeur.',
            examples: { match: ['Selon radio-trottoir, il part.'] },
          },
        ],
      }),
    );
    const html = join(dir, 'rumeur.html');
    writeFileSync(html, article.replace('Selon nos sources', 'Selon radio-trottoir'));
    const { out, api } = io();
    await run(['analyze', html, '--rules', good, '--format', 'json'], api);
    expect(JSON.parse(out.stdout).findings.some((f: { ruleId: string }) => f.ruleId === 'class-rumeur')).toBe(true);

    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        schemaVersion: 1,
        id: 'bad',
        name: 'Bad',
        rules: [{ id: 'oops', category: 'nope', lang: 'fr', patterns: ['('], weight: 1, explanation: 'x', trainerNote: 'y', examples: { match: [] } }],
      }),
    );
    const ko = io();
    expect(await run(['analyze', html, '--rules', bad], ko.api)).toBe(EXIT.input);
    expect(ko.out.stderr).toContain('rule "oops" (rules[0]) › category');
  });

  it('prints help and version', async () => {
    const help = io();
    expect(await run(['--help'], help.api)).toBe(EXIT.ok);
    expect(help.out.stdout).toContain('Usage: sourcier analyze');
    const version = io();
    await run(['--version'], version.api);
    expect(version.out.stdout).toMatch(/^sourcier /);
  });
});

mkdirSync(dir, { recursive: true });

describe('sourcier read', () => {
  const page = `<html lang="en"><head><title>A headline | Site</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>A headline</h1><p class="standfirst">The standfirst says what the article is about in one sentence.</p>
<p>${'The council voted on Tuesday to extend the bus line to the hospital, after a year of hearings with residents. '.repeat(2)}</p>
<figure><img src="x.jpg"><figcaption>A caption that is not read</figcaption></figure>
<p>${'The extension is to open in the spring, the mayor said, and will be paid for by the regional transport budget. '.repeat(2)}</p></article>
<section class="comments"><p>${'A reader comment that must never be read as the article, however long it goes on. '.repeat(3)}</p></section></body></html>`;

  it('prints the article as text, block by block, without menus, captions or comments', async () => {
    const file = join(dir, 'read.html');
    writeFileSync(file, page);
    const { out, api } = io();
    expect(await run(['read', file], api)).toBe(EXIT.ok);
    const blocks = out.stdout.trim().split('\n\n');
    expect(blocks[0]).toBe('A headline');
    expect(blocks[1]).toMatch(/^The standfirst says/);
    expect(blocks).toHaveLength(4);
    expect(out.stdout).not.toMatch(/Home|caption|reader comment/);
  });

  it('writes JSON with each block kind and the leftovers counted', async () => {
    const file = join(dir, 'read-json.html');
    writeFileSync(file, page);
    const { out, api } = io();
    expect(await run(['read', file, '--format', 'json'], api)).toBe(EXIT.ok);
    const reading = JSON.parse(out.stdout);
    expect(reading.found).toBe(true);
    expect(reading.blocks.map((b: { kind: string }) => b.kind)).toEqual(['headline', 'standfirst', 'paragraph', 'paragraph']);
    expect(reading.leftovers).toMatchObject({ menus: 1, comments: 1, captions: 1 });
  });

  it('prints nothing and exits 3 when there is no article, saying so on stderr', async () => {
    const file = join(dir, 'read-empty.html');
    writeFileSync(file, '<html><body><nav><a href="/">Home</a></nav><p>Short.</p></body></html>');
    const { out, api } = io();
    expect(await run(['read', file], api)).toBe(EXIT.noArticle);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/no article was found/);
  });

  it('refuses what only analyze does', async () => {
    for (const args of [
      ['read', 'x.html', '--format', 'md'],
      ['read', 'x.html', '--rules', 'p.json'],
    ]) {
      const { out, api } = io();
      expect(await run(args, api)).toBe(EXIT.usage);
      expect(out.stderr.split('\n')).toHaveLength(2);
    }
  });

  it('reads standard input', async () => {
    const { out, api } = io(page);
    expect(await run(['read', '-'], api)).toBe(EXIT.ok);
    expect(out.stdout).toMatch(/^A headline\n\n/);
  });
});
