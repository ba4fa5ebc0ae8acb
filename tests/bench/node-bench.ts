// Node, per page: Sourcier's full analysis (extraction + rules + score) against Readability's parse() alone,
// both on documents parsed by the same linkedom, in the same process, interleaved so that machine noise falls
// on both alike. Parsing is timed separately and left out of both.
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { analyseDocument } from '../../analyser';
import { median } from './stats';

export interface PageInput {
  name: string;
  html: string;
  /** 'corpus' or 'synthetic'. */
  kind: string;
}

export interface PageResult {
  name: string;
  kind: string;
  htmlBytes: number;
  articleChars: number;
  findings: number;
  parseMs: number;
  sourcierMs: number;
  readabilityMs: number;
  /** Sourcier / Readability (medians). */
  ratio: number;
  runs: number;
}

const parse = (html: string) => parseHTML(html).document as unknown as Document;

export function benchPage(page: PageInput, { warmup, runs }: { warmup: number; runs: number }): PageResult {
  // analyseDocument only reads its document: one parse serves every run. Readability rewrites its document,
  // so each of its runs gets a fresh parse (timed: that is the parse figure).
  const doc = parse(page.html);
  const url = `https://bench.invalid/${page.name}.html`;
  const analyse = () => analyseDocument(doc, { url, source: url });
  const first = analyse();
  const readability = (fresh: Document) => new Readability(fresh).parse();

  for (let i = 0; i < warmup; i++) {
    analyse();
    readability(parse(page.html));
  }
  const parseTimes: number[] = [];
  const sourcierTimes: number[] = [];
  const readabilityTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const fresh = parse(page.html);
    parseTimes.push(performance.now() - t);
    // Alternate which one goes first: neither always runs right after a parse's garbage.
    if (i % 2) {
      t = performance.now();
      readability(fresh);
      readabilityTimes.push(performance.now() - t);
      t = performance.now();
      analyse();
      sourcierTimes.push(performance.now() - t);
    } else {
      t = performance.now();
      analyse();
      sourcierTimes.push(performance.now() - t);
      t = performance.now();
      readability(fresh);
      readabilityTimes.push(performance.now() - t);
    }
  }
  const last = analyse();
  if (last.report.findings.length !== first.report.findings.length)
    throw new Error(`${page.name}: the analysis changed between runs (does it mutate the document?)`);
  const sourcierMs = median(sourcierTimes);
  const readabilityMs = median(readabilityTimes);
  return {
    name: page.name,
    kind: page.kind,
    htmlBytes: Buffer.byteLength(page.html),
    articleChars: first.article.text.length,
    findings: first.report.findings.length,
    parseMs: median(parseTimes),
    sourcierMs,
    readabilityMs,
    ratio: sourcierMs / readabilityMs,
    runs,
  };
}
