// The report's words, in the article's language: score lines and the one-sentence summary.
import type { Finding } from './report';
import type { Band, Category, Lang } from './taxonomy';

type Noun = [singular: string, plural: string];

const NOUNS: Record<Lang, Record<string, Noun>> = {
  en: {
    'named-source': ['named source', 'named sources'],
    'official-document': ['document cited', 'documents cited'],
    'media-relay': ['relay of another outlet', 'relays of other outlets'],
    'anonymous-source': ['anonymous source', 'anonymous sources'],
    'anonymous-source:bare': ['bare anonymous source', 'bare anonymous sources'],
    'anonymous-source:described': ['described anonymous source', 'described anonymous sources'],
    'vague-attribution': ['vague attribution', 'vague attributions'],
    'self-reference': ['self-reference by the outlet', 'self-references by the outlet'],
    'exclusive-claim': ['“exclusive” label', '“exclusive” labels'],
    'hedged-claim': ['hedged claim', 'hedged claims'],
    'hedged-claim:bare': ['hedged claim with no attribution', 'hedged claims with no attribution'],
    'hedged-claim:attributed': ['attributed hedged claim', 'attributed hedged claims'],
    'unsourced-certainty': ['claim presented as common knowledge', 'claims presented as common knowledge'],
    'link-to-source': ['link to a source', 'links to sources'],
  },
  fr: {
    'named-source': ['source nommée', 'sources nommées'],
    'official-document': ['document cité', 'documents cités'],
    'media-relay': ['reprise d’un autre média', 'reprises d’autres médias'],
    'anonymous-source': ['source anonyme', 'sources anonymes'],
    'anonymous-source:bare': ['source anonyme non décrite', 'sources anonymes non décrites'],
    'anonymous-source:described': ['source anonyme décrite', 'sources anonymes décrites'],
    'vague-attribution': ['attribution vague', 'attributions vagues'],
    'self-reference': ['renvoi du média à lui-même', 'renvois du média à lui-même'],
    'exclusive-claim': ['mention « exclusif »', 'mentions « exclusif »'],
    'hedged-claim': ['affirmation au conditionnel', 'affirmations au conditionnel'],
    'hedged-claim:bare': ['affirmation au conditionnel sans attribution', 'affirmations au conditionnel sans attribution'],
    'hedged-claim:attributed': ['affirmation au conditionnel attribuée', 'affirmations au conditionnel attribuées'],
    'unsourced-certainty': ['affirmation présentée comme évidente', 'affirmations présentées comme évidentes'],
    'link-to-source': ['lien vers une source', 'liens vers des sources'],
  },
};

const FIXED: Record<Lang, Record<string, string>> = {
  en: {
    'exclusive-red-flag': '“exclusive” resting mainly on anonymous sources or the outlet’s own word',
    byline: 'no author named',
    dateline: 'no publication date',
  },
  fr: {
    'exclusive-red-flag': '« exclusif » reposant surtout sur des sources anonymes ou sur la parole du média',
    byline: 'aucun auteur nommé',
    dateline: 'aucune date de publication',
  },
};

export function noun(lang: Lang, key: string, n: number): string {
  const pair = NOUNS[lang][key] ?? NOUNS[lang][key.split(':')[0]!];
  if (!pair) return key;
  return n === 1 ? pair[0] : pair[1];
}

/** "6 bare anonymous sources", "3 named sources (7 attributions)". */
export function describeCount(lang: Lang, key: string, n: number, distinct?: number): string {
  if (FIXED[lang][key]) return FIXED[lang][key]!;
  if (key === 'named-source' && distinct !== undefined && distinct < n) {
    return lang === 'fr' ? `${distinct} ${noun(lang, key, distinct)} (${n} attributions)` : `${distinct} ${noun(lang, key, distinct)} (${n} attributions)`;
  }
  return `${n} ${noun(lang, key, n)}`;
}

export function categoryName(lang: Lang, category: Category, n = 2): string {
  return noun(lang, category, n);
}

interface SummaryInput {
  findings: Finding[];
  counts: Record<Category, number>;
  band: Band;
  found: boolean;
  distinctNamed: number;
}

/** "a, b and c" / « a, b et c ». */
function listOf(lang: Lang, items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')}${lang === 'fr' ? ' et ' : ' and '}${items.at(-1)}`;
}

/** One sentence that says why the article got its band. Counts of zero are left out, so it reads naturally. */
export function summarise(lang: Lang, s: SummaryInput): string {
  const fr = lang === 'fr';
  if (!s.found) return fr ? 'Aucun article trouvé sur cette page.' : 'No article was found on this page.';
  const c = s.counts;
  const anonymous = c['anonymous-source'];
  const weakOnes = anonymous + c['vague-attribution'] + c['self-reference'];
  const onRecord = s.distinctNamed + c['official-document'];
  const bareHedges = s.findings.filter((f) => f.category === 'hedged-claim' && !f.qualifiers.includes('attributed')).length;
  const n = (key: string, k: number) => `${k} ${noun(lang, key, k)}`;
  const some = (pairs: Array<[string, number]>) => pairs.filter(([, k]) => k > 0).map(([key, k]) => n(key, k));
  if (s.findings.length === 0) {
    return fr ? 'Aucun marqueur de sourçage : l’article repose sur la parole de son auteur.' : 'No sourcing markers: the article rests on its author’s word.';
  }
  const exclusive = c['exclusive-claim'] > 0;
  const hedges = listOf(lang, some([['hedged-claim:bare', bareHedges], ['unsourced-certainty', c['unsourced-certainty']]]));
  const weakAttributions = weakOnes
    ? fr
      ? `${weakOnes} attribution${weakOnes > 1 ? 's' : ''} anonyme${weakOnes > 1 ? 's' : ''} ou vague${weakOnes > 1 ? 's' : ''}`
      : `${weakOnes} anonymous or vague attribution${weakOnes > 1 ? 's' : ''}`
    : '';
  if (s.band === 'weak') {
    const lean = listOf(lang, some([['anonymous-source', anonymous], ['vague-attribution', c['vague-attribution']], ['self-reference', c['self-reference']]]));
    const recordList = listOf(lang, some([['named-source', s.distinctNamed], ['official-document', c['official-document']]]));
    const only = onRecord === 0 ? (fr ? 'aucune source nommée ni document' : 'no named source or document') : fr ? `seulement ${recordList}` : `only ${recordList}`;
    if (lean) {
      const head = exclusive ? (fr ? '« Exclusif » qui s’appuie sur ' : 'An “exclusive” that leans on ') : fr ? 'S’appuie sur ' : 'Leans on ';
      return `${head}${lean}${fr ? '\u00a0; ' : '; '}${only}.`;
    }
    const tail = hedges ? `, ${hedges}` : '';
    return fr ? `Peu de sources identifiables\u00a0: ${only}${tail}.` : `Few identifiable sources: ${only}${tail}.`;
  }
  const identifiedItems = some([['named-source', s.distinctNamed], ['official-document', c['official-document']], ['media-relay', c['media-relay']]]);
  const identified = listOf(lang, identifiedItems);
  const buts = [weakAttributions, hedges].filter(Boolean);
  if (!identifiedItems.length) {
    const also = buts.length ? (fr ? ` et ${listOf(lang, buts)}` : ` and ${listOf(lang, buts)}`) : '';
    return fr ? `Aucune source identifiable${also}\u00a0: l’article repose surtout sur la parole de son auteur.` : `No identifiable source${also}: the article rests mostly on its author’s word.`;
  }
  if (s.band === 'strong') {
    const tail = weakAttributions ? (fr ? `\u00a0; ${weakAttributions} en marge` : `; ${weakAttributions} at the margin`) : '';
    return fr ? `Attribue ses informations à ${identified}${tail}.` : `Attributes its claims to ${identified}${tail}.`;
  }
  if (!buts.length) return fr ? `Des sources identifiables (${identified}), mais peu nombreuses.` : `Identifiable sources (${identified}), but few of them.`;
  return fr ? `Des sources identifiables (${identified}), mais ${listOf(lang, buts)}.` : `Identifiable sources (${identified}), but ${listOf(lang, buts)}.`;
}
