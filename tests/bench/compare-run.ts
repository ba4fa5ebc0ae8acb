// The timing half of `npm run bench:compare` (compare.mjs bundles both analysers and runs this): each page is parsed
// once, both analysers read it in turns, and the ratio of their medians is printed.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { corpusPages, corpusParagraphs, KB, MB, sizeLabel, syntheticPage } from './synthetic';
import { median, ms } from './stats';

type Analyse = (doc: Document, options: { url: string; source: string }) => unknown;

const [harness, roundsArg, onlyArg] = process.argv.slice(2);
const { base, current } = (await import(pathToFileURL(harness!).href)) as { base: Analyse; current: Analyse };
const rounds = Math.max(4, Number(roundsArg) || 40);
const only = new Set((onlyArg ?? 'corpus,synthetic').split(','));

const pages = corpusPages(resolve(process.cwd(), '../shared/corpus/pages'));
const inputs: Array<{ name: string; html: string; rounds: number }> = [];
if (only.has('corpus')) for (const page of pages) inputs.push({ name: page.name, html: page.html, rounds });
if (only.has('synthetic')) {
  const paragraphs = corpusParagraphs(pages);
  // Fewer turns on the long page: each takes a few hundred milliseconds.
  for (const size of [100 * KB, MB])
    inputs.push({
      name: `synthetic-${sizeLabel(size).replace(' ', '')}`,
      html: syntheticPage(paragraphs, size).html,
      rounds: size >= MB ? Math.max(4, rounds >> 2) : rounds,
    });
}

const rows: string[] = [];
const changes: number[] = [];
for (const input of inputs) {
  const doc = parseHTML(input.html).document as unknown as Document;
  const options = { url: `https://bench.invalid/${input.name}.html`, source: input.name };
  const times = { base: [] as number[], current: [] as number[] };
  const time = (which: 'base' | 'current') => {
    const t = performance.now();
    (which === 'base' ? base : current)(doc, options);
    times[which].push(performance.now() - t);
  };
  for (let i = 0; i < 3; i++) {
    base(doc, options);
    current(doc, options);
  }
  for (let i = 0; i < input.rounds; i++) {
    // Turns alternate which one goes first, so that neither always runs after the other's garbage.
    if (i % 2) {
      time('current');
      time('base');
    } else {
      time('base');
      time('current');
    }
  }
  const b = median(times.base);
  const c = median(times.current);
  const change = c / b - 1;
  // The fastest turn of each: what the work costs when nothing else got in the way (a second view on a noisy machine).
  const fastest = Math.min(...times.current) / Math.min(...times.base) - 1;
  if (!input.name.startsWith('synthetic')) changes.push(change);
  const percent = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(0)} %`;
  rows.push(`| ${input.name} | ${ms(b)} | ${ms(c)} | ${percent(change)} | ${percent(fastest)} |`);
  console.error(`  ${input.name}: base ${ms(b)} ms, this tree ${ms(c)} ms (${(change * 100).toFixed(1)} %; fastest turns ${(fastest * 100).toFixed(1)} %)`);
}
console.log(['| page | base (ms, median) | this tree (ms, median) | change | change of the fastest turns |', '|---|---|---|---|---|', ...rows].join('\n'));
if (changes.length) console.log(`\nCorpus pages: median change ${(median(changes) * 100).toFixed(1)} %, largest ${(Math.max(...changes) * 100).toFixed(1)} %.`);
