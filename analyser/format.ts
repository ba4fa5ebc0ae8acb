// Report formats shared by the CLI (--format text|md|json) and the panel's exports, in the
// report's language (reportLangOf). Page text is written as text: Markdown special characters are escaped.
import { reportLangOf, type Finding, type Report } from './report';
import { SENTENCE_CATEGORIES, type Category, type Lang } from './taxonomy';
import { categoryName } from './wording';

const WORDS: Record<Lang, Record<string, string>> = {
  en: {
    score: 'Score', band: 'Band', weak: 'weak', mixed: 'mixed', strong: 'strong', contributions: 'Why this score', base: 'base',
    findings: 'Sourcing markers', page: 'Page signals', byline: 'Author', published: 'Published', links: 'Links to sources',
    none: 'none', unnamedPolicy: 'Unnamed-sources policy', noArticle: 'No article was found on this page.', source: 'Source',
    truncated: 'Only the first {n} characters were analysed.', rule: 'rule', who: 'source', generated: 'Report by Sourcier (local rules, nothing left the browser).',
  },
  fr: {
    score: 'Note', band: 'Niveau', weak: 'faible', mixed: 'mitigé', strong: 'solide', contributions: 'Pourquoi cette note', base: 'base',
    findings: 'Marqueurs de sourçage', page: 'Signaux de la page', byline: 'Auteur', published: 'Publié', links: 'Liens vers des sources',
    none: 'aucun', unnamedPolicy: 'Politique sur les sources anonymes', noArticle: 'Aucun article trouvé sur cette page.', source: 'Source',
    truncated: 'Seuls les {n} premiers caractères ont été analysés.', rule: 'règle', who: 'source', generated: 'Rapport de Sourcier (règles locales, rien n’a quitté le navigateur).',
  },
};

export function bandName(lang: Lang, band: Report['band']): string {
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
  if (!report.article.found) {
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
  out.push(`  ${w.published}${c} ${report.page.published ?? w.none}`);
  out.push(`  ${w.links}${c} ${report.page.links.length ? report.page.links.map((l) => l.href).join(', ') : w.none}`);
  if (report.page.unnamedSourcesPolicy) out.push(`  ${w.unnamedPolicy}${c} ${report.page.unnamedSourcesPolicy}`);
  return out.join('\n') + '\n';
}

/** Escapes page text for Markdown so that it shows as written and cannot inject links or HTML. */
export function markdownText(s: string): string {
  return oneLine(s).replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1');
}

export function formatMarkdown(report: Report): string {
  const lang = reportLangOf(report);
  const w = WORDS[lang];
  const c = colon(lang);
  const out: string[] = [];
  out.push(`# ${markdownText(report.title || report.source || 'Sourcier')}`, '');
  if (report.source) out.push(`${w.source}${c} ${markdownText(report.source)}`, '');
  if (!report.article.found) {
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
      const i = f.start - f.sentenceStart;
      const sentence = f.sentence;
      const marked = i >= 0 && i + f.text.length <= sentence.length
        ? `${markdownText(sentence.slice(0, i))} **${markdownText(f.text)}** ${markdownText(sentence.slice(i + f.text.length))}`
        : markdownText(sentence);
      out.push(`- ${marked.trim()}${f.who ? ` — ${w.who}${c} ${markdownText(f.who)}` : ''} (\`${f.ruleId}\`)`);
    }
  }
  out.push('', `## ${w.page}`, '');
  out.push(`- ${w.byline}${c} ${report.page.byline ? markdownText(report.page.byline) : w.none}`);
  out.push(`- ${w.published}${c} ${report.page.published ? markdownText(report.page.published) : w.none}`);
  out.push(`- ${w.links}${c} ${report.page.links.length ? report.page.links.map((l) => `<${encodeURI(l.href)}>`).join(', ') : w.none}`);
  if (report.page.unnamedSourcesPolicy) out.push(`- ${w.unnamedPolicy}${c} ${markdownText(report.page.unnamedSourcesPolicy)}`);
  out.push('', `_${w.generated}_`);
  return out.join('\n') + '\n';
}

export function formatJson(reports: Report[]): string {
  return JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2) + '\n';
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
