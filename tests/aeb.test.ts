// The reader on the public article-extraction-benchmark (../shared/aeb: 181 English news pages and the article
// body a person extracted from each), scored by the benchmark's own method (../shared/aeb/score.mjs). The pages
// are read in this process with the CLI's own parsing and `read` output, then the scorer compares the saved
// texts: one process for 181 pages instead of 181 CLI runs. `npm run bench:extract` measures the CLI itself.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArticle } from '../analyser/read';
import { formatReadingText, whatWasRead } from '../analyser/reading';
import { parsePage } from '../cli/page';

const aeb = resolve(__dirname, '../../shared/aeb');
/** A floor under the measured figure (BENCHMARKS.md); trafilatura publishes 0.958 on this set. */
const TARGET_F1 = 0.965;

let result: { pages: number; f1: number; precision: number; recall: number; empty: number; failed: number };

beforeAll(() => {
  expect(existsSync(join(aeb, 'score.mjs')), `the benchmark must be at ${aeb}`).toBe(true);
  const out = mkdtempSync(join(tmpdir(), 'sourcier-aeb-'));
  for (const name of readdirSync(join(aeb, 'html'))) {
    if (!name.endsWith('.html.gz')) continue;
    const html = gunzipSync(readFileSync(join(aeb, 'html', name))).toString('utf8');
    const { extracted } = readArticle(parsePage(html), {});
    writeFileSync(join(out, name.replace(/\.html\.gz$/, '.txt')), formatReadingText(whatWasRead(extracted)));
  }
  // The scorer runs CMD {file} per page with {file} a quoted path to KEY.html: `cat` prints the saved KEY.txt.
  const json = execFileSync(process.execPath, [join(aeb, 'score.mjs'), '--json', '--run', `cat "${out}/$(basename {file} .html).txt"`], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  result = JSON.parse(json);
}, 120_000);

describe('article-extraction-benchmark (../shared/aeb/score.mjs)', () => {
  it('reads all 181 pages', () => {
    expect(result.pages).toBe(181);
    expect(result.failed).toBe(0);
  });
  it('reads something on every page (all of them are articles)', () => {
    expect(result.empty).toBe(0);
  });
  it(`reaches F1 ≥ ${TARGET_F1}`, () => {
    expect(result.f1, JSON.stringify(result)).toBeGreaterThanOrEqual(TARGET_F1);
  });
});
