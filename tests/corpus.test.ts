// The corpus figures of the analyser issue, checked on every run: ../shared/corpus/score.mjs measures
// the CLI's JSON against the hand annotations. The corpus is a sample: rules are tuned on what it
// teaches, not on its sentences, and these thresholds guard against regressions.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseDocument } from '../analyser';

const root = resolve(__dirname, '..');
const corpus = resolve(root, '../shared/corpus');
const cli = join(root, 'dist/sourcier.mjs');

interface Summary {
  pages: number;
  errors: number;
  leaks: number;
  bandAgreement: string;
  precision: number;
  recall: number;
  f1: number;
  recallByCategory: Record<string, string>;
}

let summary: Summary;

beforeAll(() => {
  expect(existsSync(join(corpus, 'score.mjs')), `the corpus must be at ${corpus}`).toBe(true);
  // The CLI bundle is built by `npm install`; build it again so the test measures the current sources.
  execFileSync(process.execPath, [join(root, 'cli/build.mjs')], { cwd: root });
  const out = execFileSync(process.execPath, [join(corpus, 'score.mjs'), '--json', '--run', `"${process.execPath}" "${cli}" analyze {file} --format json`], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  summary = JSON.parse(out).summary;
}, 120_000);

describe('corpus (../shared/corpus/score.mjs)', () => {
  it('analyses every page without error', () => {
    expect(summary.errors).toBe(0);
    expect(summary.pages).toBeGreaterThanOrEqual(10);
  });
  it('reports nothing from comments, menus or sidebars (0 leaks)', () => {
    expect(summary.leaks).toBe(0);
  });
  it('reaches F1 ≥ 0.90', () => {
    expect(summary.f1).toBeGreaterThanOrEqual(0.9);
  });
  it('finds ≥ 95% of anonymous sources', () => {
    const [found, gold] = summary.recallByCategory['anonymous-source']!.split('/').map(Number);
    expect(found! / gold!).toBeGreaterThanOrEqual(0.95);
  });
  it('agrees with the annotated band on every page', () => {
    const [ok, all] = summary.bandAgreement.split('/').map(Number);
    expect(ok).toBe(all);
  });
});

describe('seed articles rank as a trainer ranks them', () => {
  const score = (name: string) => {
    const { document } = parseHTML(readFileSync(join(corpus, 'pages', name), 'utf8'));
    return analyseDocument(document as unknown as Document, { source: name }).report.score;
  };
  it('puts the « Exclusif » articles resting on « nos sources » lowest and the on-record ones highest', () => {
    const s = Object.fromEntries(['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004'].map((n) => [n, score(`${n}.html`)]));
    const lowest = Math.max(s['seed-000']!, s['seed-001']!);
    const highest = Math.min(s['seed-003']!, s['seed-004']!);
    expect(lowest, JSON.stringify(s)).toBeLessThan(s['seed-002']!);
    expect(s['seed-002'], JSON.stringify(s)).toBeLessThan(highest);
  }, 30_000);
});
