// Report formats shared by the CLI (--format text|md|json) and the panel's exports, in the
// report's language (reportLangOf). Page text is written as text: Markdown special characters are escaped.
import { reportLangOf, type Finding, type Report } from './report';
import { SENTENCE_CATEGORIES, type Category, type Lang } from './taxonomy';
import { categoryName } from './wording';

const WORDS: Record<Lang, Record<string, string>> = {
  en: {
    score: 'Score',
    band: 'Band',
    weak: 'weak',
    mixed: 'mixed',
    strong: 'strong',
    contributions: 'Why this score',
    base: 'base',
    findings: 'Sourcing markers',
    page: 'Page signals',
    byline: 'Author',
    published: 'Published',
    links: 'Links to sources',
    none: 'none',
    unnamedPolicy: 'Unnamed-sources policy',
    noArticle: 'No article was found on this page.',
    source: 'Source',
    truncated: 'Only the first {n} characters were analysed.',
    rule: 'rule',
    who: 'source',
    generated: 'Report by Sourcier (local rules, nothing left the browser).',
  },
  fr: {
    score: 'Note',
    band: 'Niveau',
    weak: 'faible',
    mixed: 'mitigé',
    strong: 'solide',
    contributions: 'Pourquoi cette note',
    base: 'base',
    findings: 'Marqueurs de sourçage',
    page: 'Signaux de la page',
    byline: 'Auteur',
    published: 'Publié',
    links: 'Liens vers des sources',
    none: 'aucun',
    unnamedPolicy: 'Politique sur les sources anonymes',
    noArticle: 'Aucun article trouvé sur cette page.',
    source: 'Source',
    truncated: 'Seuls les {n} premiers caractères ont été analysés.',
    rule: 'règle',
    who: 'source',
    generated: 'Rapport de Sourcier (règles locales, rien n’a quitté le navigateur).',
  },
};

export function bandName(lang: Lang, band: NonNullable<Report['band']>): string {
  return WORDS[lang][band]!;
}

function grouped(report: Report): Array<[Category, Finding[]]> {
  return SENTENCE_CATEGORIES.map((c) => [c, report.findings.filter((f) => f.category === c)] as [Category, Finding[]]).filter(([, fs]) => fs.length > 0);
}

/** One line: runs of white space become a space, but no-break spaces stay (« never ends a line, » never starts one). */
const oneLine = (s: string) => s.replace(/[^\S\u00a0\u202f]+/g, ' ').trim();
/** Quotation marks of the report's language; French guillemets hold a narrow no-break space inside. */
const quote = (lang: Lang, s: string) => (lang === 'fr' ? `«\u202f${s}\u202f»` : `“${s}”`);
/** French puts a (narrow) no-break space before a colon. */
const colon = (lang: Lang) => (lang === 'fr' ? '\u00a0:' : ':');

export function formatText(report: Report): string {
  const lang = reportLangOf(report);
  const w = WORDS[lang];
  const c = colon(lang);
  const out: string[] = [];
  out.push(oneLine(report.title || report.source));
  if (report.source && report.title) out.push(report.source);
  out.push('');
  if (!report.article.found || report.score === null || report.band === null) {
    out.push(w.noArticle!);
    return out.join('\n') + '\n';
  }
  out.push(`${w.score}${c} ${report.score}/100 — ${w.band}${c} ${bandName(lang, report.band)}`);
  out.push(report.summary);
  if (report.article.truncatedAt !== null) out.push(w.truncated!.replace('{n}', String(report.article.truncatedAt)));
  out.push('', `${w.contributions} (${w.base} 50)${c}`);
  for (const c of report.contributions) out.push(`  ${c.label}`);
  for (const [category, fs] of grouped(report)) {
    out.push('', `${categoryName(lang, category, fs.length).toUpperCase()} [${category}] (${fs.length})`);
    for (const f of fs) {
      out.push(`  • ${quote(lang, oneLine(f.text))}${f.who ? ` — ${w.who}${c} ${f.who}` : ''}  (${w.rule} ${f.ruleId})`);
      out.push(`    ${oneLine(f.sentence)}`);
    }
  }
  out.push('', `${w.page}${c}`);
  out.push(`  ${w.byline}${c} ${report.page.byline ?? w.none}`);
  out.push(`  ${w.published}${c} ${report.page.published ? readableDate(report.page.published, lang) : w.none}`);
  out.push(`  ${w.links}${c} ${report.page.links.length ? report.page.links.map((l) => l.href).join(', ') : w.none}`);
  if (report.page.unnamedSourcesPolicy) out.push(`  ${w.unnamedPolicy}${c} ${report.page.unnamedSourcesPolicy}`);
  return out.join('\n') + '\n';
}

/** Escapes page text for Markdown so that it shows as written and cannot inject links or HTML. */
export function markdownText(s: string): string {
  return escapeMarkdown(oneLine(s));
}

const escapeMarkdown = (s: string) => s.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1');

/**
 * A web address as a Markdown autolink (<https://…>); anything else (a file path, stdin) as escaped text. Only the
 * characters an autolink cannot hold are encoded: an address the page already encoded is not encoded twice.
 */
export function markdownLink(href: string): string {
  if (!/^https?:\/\/[^\s<>]/i.test(href.trim())) return markdownText(href);
  return `<${href.trim().replace(/[<>\s`]/g, (c) => encodeURIComponent(c))}>`;
}

/** White space squashed to one space, no-break spaces kept (piecewise, so that offsets into the sentence still hold). */
const squash = (s: string) => s.replace(/[^\S\u00a0\u202f]+/g, ' ');

/** The sentence with its marker in bold, spaced exactly as the page spaced it (no space added before « , » or « . »). */
function markedSentence(f: Finding): string {
  const i = f.start - f.sentenceStart;
  if (i < 0 || f.sentence.slice(i, i + f.text.length) !== f.text) return markdownText(f.sentence);
  // Bold must hug its words: white space at the marker's edges goes outside the asterisks.
  const [, lead = '', core = '', trail = ''] = /^(\s*)(.*?)(\s*)$/su.exec(squash(f.text)) ?? [];
  if (!core) return markdownText(f.sentence);
  const before = squash(f.sentence.slice(0, i)) + lead;
  const after = trail + squash(f.sentence.slice(i + f.text.length));
  return `${escapeMarkdown(before)}**${escapeMarkdown(core)}**${escapeMarkdown(after)}`.replace(/ {2,}/g, ' ').trim();
}

/** A date as the page gave it (ISO 8601), written out in the report's language: « 4 mars 2026 », "4 March 2026". */
export function readableDate(value: string, lang: Lang): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value.trim());
  if (!day) return value;
  // The page's own calendar day and time, whatever the time zone of the machine that writes the report.
  const [, y, m, d, hh, mm] = day;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0)));
  if (Number.isNaN(date.getTime())) return value;
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC', ...(hh !== undefined ? { timeStyle: 'short' } : {}) };
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', options).format(date);
}

export function formatMarkdown(report: Report): string {
  const lang = reportLangOf(report);
  const w = WORDS[lang];
  const c = colon(lang);
  const out: string[] = [];
  out.push(`# ${markdownText(report.title || report.source || 'Sourcier')}`, '');
  if (report.source) out.push(`${w.source}${c} ${markdownLink(report.source)}`, '');
  if (!report.article.found || report.score === null || report.band === null) {
    out.push(w.noArticle!, '', `_${w.generated}_`);
    return out.join('\n') + '\n';
  }
  out.push(`**${w.score}${c} ${report.score}/100** — ${w.band}${c} **${bandName(lang, report.band)}**`, '', `> ${markdownText(report.summary)}`, '');
  if (report.article.truncatedAt !== null) out.push(w.truncated!.replace('{n}', String(report.article.truncatedAt)), '');
  out.push(`## ${w.contributions}`, '', `- ${w.base}${c} 50`);
  for (const c of report.contributions) out.push(`- ${markdownText(c.label)}`);
  for (const [category, fs] of grouped(report)) {
    out.push('', `## ${capitalise(categoryName(lang, category, fs.length))} (${fs.length})`, '', `\`${category}\`: ${markdownText(fs[0]!.explanation)}`, '');
    for (const f of fs) {
      out.push(`- ${markedSentence(f)}${f.who ? ` — ${w.who}${c} ${markdownText(f.who)}` : ''} (\`${f.ruleId}\`)`);
    }
  }
  out.push('', `## ${w.page}`, '');
  out.push(`- ${w.byline}${c} ${report.page.byline ? markdownText(report.page.byline) : w.none}`);
  out.push(`- ${w.published}${c} ${report.page.published ? markdownText(readableDate(report.page.published, lang)) : w.none}`);
  out.push(`- ${w.links}${c} ${report.page.links.length ? report.page.links.map((l) => markdownLink(l.href)).join(', ') : w.none}`);
  if (report.page.unnamedSourcesPolicy) out.push(`- ${w.unnamedPolicy}${c} ${markdownText(report.page.unnamedSourcesPolicy)}`);
  out.push('', `_${w.generated}_`);
  return out.join('\n') + '\n';
}

export function formatJson(reports: Report[]): string {
  return JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2) + '\n';
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
