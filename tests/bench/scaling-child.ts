// One point of the scaling curve, in a process of its own (started with --expose-gc) so that its peak memory is
// its own: builds the synthetic article of the asked size, parses it, then times the analysis and reads the peak
// resident memory before and after. Prints one JSON line.
//   node --expose-gc scaling-child.mjs <targetBytes> <runs> <maxChars|default> <pagesDir>
import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';
import { analyseDocument, DEFAULT_MAX_CHARS } from '../../analyser';
import { corpusPages, corpusParagraphs, syntheticPage } from './synthetic';
import { median } from './stats';

const [targetArg, runsArg, maxArg, pagesDir] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !targetArg || !runsArg || !maxArg || !pagesDir) {
  console.error('usage: node --expose-gc scaling-child.mjs <targetBytes> <runs> <maxChars|default> <pagesDir>');
  process.exit(2);
}
const targetBytes = Number(targetArg);
const runs = Number(runsArg);
const maxChars = maxArg === 'default' ? DEFAULT_MAX_CHARS : Number(maxArg);

const page = syntheticPage(corpusParagraphs(corpusPages(pagesDir)), targetBytes);
let t = performance.now();
const doc = parseHTML(page.html).document as unknown as Document;
const parseMs = performance.now() - t;
gc();
const maxRss = () => process.resourceUsage().maxRSS * 1024;
const before = { rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed, peakRss: maxRss() };

const times: number[] = [];
let findings = 0;
let analysedChars = 0;
let truncatedAt: number | null = null;
for (let i = 0; i < runs; i++) {
  t = performance.now();
  const { report, article } = analyseDocument(doc, { url: 'https://bench.invalid/synthetic.html', maxChars });
  times.push(performance.now() - t);
  findings = report.findings.length;
  analysedChars = article.text.length;
  truncatedAt = article.truncatedAt;
  gc();
}

console.log(
  JSON.stringify({
    targetBytes,
    textBytes: page.textBytes,
    htmlBytes: Buffer.byteLength(page.html),
    paragraphs: page.paragraphs,
    maxChars,
    analysedChars,
    truncatedAt,
    findings,
    runs,
    parseMs,
    analyseMs: median(times),
    minMs: Math.min(...times),
    rssAfterParse: before.rss,
    heapAfterParse: before.heapUsed,
    peakRssBeforeAnalysis: before.peakRss,
    peakRss: maxRss(),
  }),
);
