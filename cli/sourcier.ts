// The `sourcier` command: the same analyser as the extension, on files, URLs or standard input.
// Errors are one line on stderr with a documented exit code, never a stack trace.
import { readFileSync, statSync } from 'node:fs';
import { parsePage } from './page';
import { analyseDocument, type AnalyseOptions } from '../analyser';
import { formatJson, formatMarkdown, formatText } from '../analyser/format';
import type { Report } from '../analyser/report';
import { readArticle } from '../analyser/read';
import { whatWasRead, formatReadingJson, formatReadingText, type Reading } from '../analyser/reading';
import type { Lang } from '../analyser/taxonomy';
import { loadPackFile } from './packs';

export const EXIT = { ok: 0, usage: 1, input: 2, noArticle: 3 } as const;

export const USAGE = `Usage: sourcier analyze <file.html | URL | -> [more inputs] [options]
       sourcier read <file.html | URL | -> [more inputs] [--format text|json]

analyze shows how a news article is sourced: the sourcing markers it contains, a 0–100 score and its band.
read prints what Sourcier read of the page, exactly the text that analyze scores: the headline, the
standfirst and the article's blocks (json adds each block's kind and what was left out: menus, comments…).

Options:
  --format text|json|md   output format (default: text)
  --lang fr|en            the report's language: summary, score lines, explanations
                          (default: the article's language)
  --article-lang fr|en    force the article's language (default: detected)
  --rules FILE.json       add a rule pack (may be repeated); its rules replace built-in rules with the same id
  --max-chars N           analyse at most N characters of article text (default: 2000000)
  -h, --help              show this help
  -v, --version           show the version

A URL is fetched only when you give one. Nothing else leaves your machine.

Exit codes: 0 report written; 1 usage error; 2 an input could not be read (missing, a directory,
binary, empty, too large, a failed download) or a rule pack is invalid; 3 no article was found in an input (the
report still says so).`;

export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export class InputError extends Error {}
class UsageError extends Error {}

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<Buffer>;
  fetchUrl: (url: string) => Promise<{ body: Buffer; contentType: string | null }>;
}

interface Args {
  command: 'analyze' | 'read';
  inputs: string[];
  format: 'text' | 'json' | 'md';
  /** The report's language. */
  lang?: Lang;
  /** The article's language, forced. */
  articleLang?: Lang;
  packs: string[];
  maxChars?: number;
}

function parseArgs(argv: string[]): Args | 'help' | 'version' {
  const rest = [...argv];
  const command = rest.shift();
  if (command === '-h' || command === '--help' || command === 'help' || command === undefined) return 'help';
  if (command === '-v' || command === '--version') return 'version';
  if (command !== 'analyze' && command !== 'analyse' && command !== 'read')
    throw new UsageError(`unknown command "${command}" (try: sourcier analyze FILE, or sourcier read FILE)`);
  const args: Args = { command: command === 'read' ? 'read' : 'analyze', inputs: [], format: 'text', packs: [] };
  while (rest.length) {
    const a = rest.shift()!;
    const value = (name: string) => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest.shift();
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') return 'help';
    else if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json' && f !== 'md') throw new UsageError(`--format must be text, json or md (not "${f}")`);
      if (f === 'md' && args.command === 'read') throw new UsageError('read writes --format text or json (not md)');
      args.format = f;
    } else if (a === '--lang' || a.startsWith('--lang=')) {
      const l = value('--lang');
      if (l !== 'fr' && l !== 'en') throw new UsageError(`--lang must be fr or en (not "${l}")`);
      args.lang = l;
    } else if (a === '--article-lang' || a.startsWith('--article-lang=')) {
      const l = value('--article-lang');
      if (l !== 'fr' && l !== 'en') throw new UsageError(`--article-lang must be fr or en (not "${l}")`);
      args.articleLang = l;
    } else if (a === '--rules' || a.startsWith('--rules=')) {
      if (args.command === 'read') throw new UsageError('--rules applies to analyze: read only reads the page');
      args.packs.push(value('--rules'));
    } else if (a === '--max-chars' || a.startsWith('--max-chars=')) {
      const n = Number(value('--max-chars'));
      if (!Number.isInteger(n) || n < 1) throw new UsageError('--max-chars must be a positive whole number');
      args.maxChars = n;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else args.inputs.push(a);
  }
  if (!args.inputs.length) throw new UsageError('give at least one file, URL or - for standard input');
  return args;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/**
 * Control characters a hostile page, pack or file name could use to drive the terminal (escape sequences that
 * retitle the window, write the clipboard, clear the screen), shown escaped. Text reports keep their newlines and
 * tabs; an error line keeps none.
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const LINE_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const escapeControl = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
export const terminalText = (s: string) => s.replace(CONTROLS, escapeControl);
export const terminalLine = (s: string) => s.replace(LINE_CONTROLS, escapeControl);

/** An error as one line for the terminal: a message may carry a stack or a remote server's text; a rejection may not be an Error. */
function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  return text.split(/\r?\n/)[0]!.trim() || 'unknown error';
}

/** Reads an input as HTML text, or throws an InputError with a one-line reason. */
async function readInput(input: string, io: CliIO): Promise<string> {
  let bytes: Buffer;
  let contentType: string | null = null;
  if (input === '-') bytes = await io.readStdin();
  else if (isUrl(input)) {
    try {
      ({ body: bytes, contentType } = await io.fetchUrl(input));
    } catch (e) {
      throw new InputError(`${input}: download failed (${firstLine(e)})`);
    }
  } else {
    let stat;
    try {
      stat = statSync(input);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputError(`${input}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : firstLine(e)}`);
    }
    if (stat.isDirectory()) throw new InputError(`${input}: is a directory, not an HTML file`);
    if (stat.size > MAX_INPUT_BYTES)
      throw new InputError(`${input}: too large (${(stat.size / 1048576).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB)`);
    try {
      bytes = readFileSync(input);
    } catch (e) {
      throw new InputError(`${input}: cannot be read (${(e as NodeJS.ErrnoException).code ?? firstLine(e)})`);
    }
  }
  const name = input === '-' ? 'standard input' : input;
  if (bytes.length > MAX_INPUT_BYTES) throw new InputError(`${name}: too large (the limit is ${MAX_INPUT_BYTES / 1048576} MB)`);
  if (bytes.length === 0 || !bytes.toString('utf8').trim()) throw new InputError(`${name}: is empty`);
  if (looksBinary(bytes)) throw new InputError(`${name}: looks like binary data, not an HTML page`);
  return decode(bytes, contentType);
}

function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return true;
  let control = 0;
  for (const b of head) if (b < 9 || (b > 13 && b < 32)) control++;
  return control > head.length * 0.1;
}

/** UTF-8 unless the page or server says otherwise; invalid bytes become U+FFFD rather than an error. */
function decode(bytes: Buffer, contentType: string | null): string {
  const declared =
    /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(bytes.subarray(0, 4096).toString('latin1'))?.[1];
  const label = declared?.toLowerCase();
  if (label && label !== 'utf-8' && label !== 'utf8') {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      /* unknown label: fall back to UTF-8 */
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.stderr(`sourcier: ${terminalLine((e as Error).message)}\n`);
    return EXIT.usage;
  }
  if (args === 'help') {
    io.stdout(USAGE + '\n');
    return EXIT.ok;
  }
  if (args === 'version') {
    io.stdout(`sourcier ${VERSION}\n`);
    return EXIT.ok;
  }
  const options: AnalyseOptions = { packs: [] };
  if (args.lang) options.reportLang = args.lang;
  if (args.articleLang) options.lang = args.articleLang;
  if (args.maxChars) options.maxChars = args.maxChars;
  for (const file of args.packs) {
    const loaded = loadPackFile(file);
    if (!loaded.ok) {
      io.stderr(
        `sourcier: ${terminalLine(`${file}: invalid rule pack: ${loaded.errors.slice(0, 3).join('; ')}${loaded.errors.length > 3 ? ` (and ${loaded.errors.length - 3} more)` : ''}`)}\n`,
      );
      return EXIT.input;
    }
    options.packs!.push(loaded.pack);
  }
  if (args.command === 'read') return readCommand(args, options, io);
  const reports: Report[] = [];
  let failed = false;
  for (const input of args.inputs) {
    try {
      const html = await readInput(input, io);
      const source = input === '-' ? 'stdin' : input;
      reports.push(analyseDocument(parsePage(html), { ...options, source, ...(isUrl(input) ? { url: input } : {}) }).report);
    } catch (e) {
      failed = true;
      const message = e instanceof InputError ? e.message : `${input}: analysis failed (${firstLine(e)})`;
      io.stderr(`sourcier: ${terminalLine(message)}\n`);
    }
  }
  if (reports.length) {
    if (args.format === 'json') io.stdout(formatJson(reports));
    else io.stdout(terminalText(reports.map(args.format === 'md' ? formatMarkdown : formatText).join(args.format === 'md' ? '\n---\n\n' : '\n')));
  }
  if (failed) return EXIT.input;
  return reports.some((r) => !r.article.found) ? EXIT.noArticle : EXIT.ok;
}

/** `sourcier read`: what the analyser reads of each input, the text `analyze` scores, without the rules. */
async function readCommand(args: Args, options: AnalyseOptions, io: CliIO): Promise<number> {
  const readings: Reading[] = [];
  let failed = false;
  for (const input of args.inputs) {
    try {
      const html = await readInput(input, io);
      const source = input === '-' ? 'stdin' : input;
      const { extracted, article } = readArticle(parsePage(html), { ...options, source, ...(isUrl(input) ? { url: input } : {}) });
      readings.push(whatWasRead(extracted, article.leftovers));
    } catch (e) {
      failed = true;
      const message = e instanceof InputError ? e.message : `${input}: reading failed (${firstLine(e)})`;
      io.stderr(`sourcier: ${terminalLine(message)}\n`);
    }
  }
  if (readings.length) {
    if (args.format === 'json') io.stdout(formatReadingJson(readings));
    else io.stdout(terminalText(readings.map(formatReadingText).join('\n')));
    // The text format is the article alone (what an extraction benchmark compares): "nothing read" goes to stderr.
    if (args.format === 'text') for (const r of readings) if (!r.found) io.stderr(`sourcier: ${terminalLine(r.source)}: no article was found\n`);
  }
  if (failed) return EXIT.input;
  return readings.some((r) => !r.found) ? EXIT.noArticle : EXIT.ok;
}

declare const __SOURCIER_VERSION__: string;
const VERSION = typeof __SOURCIER_VERSION__ === 'string' ? __SOURCIER_VERSION__ : 'dev';
