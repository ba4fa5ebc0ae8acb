// The report's words, in the report's language (the reader's: the extension's interface language, the CLI's --lang;
// the article's language by default): score lines, the one-sentence summary, and the explanations of findings whose
// rule is written in another language. Quoted page text is never translated.
import type { Finding } from './report';
import type { Band, Category, Lang } from './taxonomy';

/**
 * French typography: typographic apostrophes, and a narrow no-break space inside guillemets, so that « never ends a
 * line and » never starts one. For French text of our own or of rule packs — never for quoted page text.
 */
export function frenchTypography(text: string): string {
  // The same explanations and trainer's notes come back for every finding of a rule: set once each.
  let set = TYPESET.get(text);
  if (set === undefined) {
    set = typesetFrench(text);
    if (TYPESET.size >= 2000) TYPESET.clear();
    TYPESET.set(text, set);
  }
  return set;
}

const TYPESET = new Map<string, string>();

// (A module constant: the bundler writes a regular expression with \p{…} outside brackets as `new RegExp(…)`, which a
// function would build again at each call.)
const APOSTROPHE_AFTER_LETTER = /(?<=\p{L})'/gu;

function typesetFrench(text: string): string {
  return (
    text
      .replace(APOSTROPHE_AFTER_LETTER, '\u2019')
      // The no-break space French puts before a colon, semicolon, question or exclamation mark.
      .replace(/[ \u00a0](?=[;:!?](?:\s|$))/g, '\u00a0')
      .replace(/«[\s\u00a0\u202f]*/g, '«\u202f')
      .replace(/[\s\u00a0\u202f]*»/g, '\u202f»')
  );
}

/** Typography for the report's language: French gets frenchTypography, English is left as written. */
export const typeset = (lang: Lang, text: string) => (lang === 'fr' ? frenchTypography(text) : text);

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
    'exclusive-claim': ['mention «\u202fexclusif\u202f»', 'mentions «\u202fexclusif\u202f»'],
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
    'exclusive-red-flag': '«\u202fexclusif\u202f» reposant surtout sur des sources anonymes ou sur la parole du média',
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
  /** null when no article was found. */
  band: Band | null;
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
  const hedges = listOf(
    lang,
    some([
      ['hedged-claim:bare', bareHedges],
      ['unsourced-certainty', c['unsourced-certainty']],
    ]),
  );
  const weakAttributions = weakOnes
    ? fr
      ? `${weakOnes} attribution${weakOnes > 1 ? 's' : ''} anonyme${weakOnes > 1 ? 's' : ''} ou vague${weakOnes > 1 ? 's' : ''}`
      : `${weakOnes} anonymous or vague attribution${weakOnes > 1 ? 's' : ''}`
    : '';
  if (s.band === 'weak') {
    const lean = listOf(
      lang,
      some([
        ['anonymous-source', anonymous],
        ['vague-attribution', c['vague-attribution']],
        ['self-reference', c['self-reference']],
      ]),
    );
    const recordList = listOf(
      lang,
      some([
        ['named-source', s.distinctNamed],
        ['official-document', c['official-document']],
      ]),
    );
    const only =
      onRecord === 0 ? (fr ? 'aucune source nommée ni document' : 'no named source or document') : fr ? `seulement ${recordList}` : `only ${recordList}`;
    if (lean) {
      const head = exclusive ? (fr ? '«\u202fExclusif\u202f» qui s’appuie sur ' : 'An “exclusive” that leans on ') : fr ? 'S’appuie sur ' : 'Leans on ';
      return `${head}${lean}${fr ? '\u00a0; ' : '; '}${only}.`;
    }
    const tail = hedges ? `, ${hedges}` : '';
    return fr ? `Peu de sources identifiables\u00a0: ${only}${tail}.` : `Few identifiable sources: ${only}${tail}.`;
  }
  const identifiedItems = some([
    ['named-source', s.distinctNamed],
    ['official-document', c['official-document']],
    ['media-relay', c['media-relay']],
  ]);
  const identified = listOf(lang, identifiedItems);
  const buts = [weakAttributions, hedges].filter(Boolean);
  if (!identifiedItems.length) {
    const also = buts.length ? (fr ? ` et ${listOf(lang, buts)}` : ` and ${listOf(lang, buts)}`) : '';
    return fr
      ? `Aucune source identifiable${also}\u00a0: l’article repose surtout sur la parole de son auteur.`
      : `No identifiable source${also}: the article rests mostly on its author’s word.`;
  }
  if (s.band === 'strong') {
    const tail = weakAttributions ? (fr ? `\u00a0; ${weakAttributions} en marge` : `; ${weakAttributions} at the margin`) : '';
    return fr ? `Attribue ses informations à ${identified}${tail}.` : `Attributes its claims to ${identified}${tail}.`;
  }
  if (!buts.length) return fr ? `Des sources identifiables (${identified}), mais peu nombreuses.` : `Identifiable sources (${identified}), but few of them.`;
  return fr ? `Des sources identifiables (${identified}), mais ${listOf(lang, buts)}.` : `Identifiable sources (${identified}), but ${listOf(lang, buts)}.`;
}

/**
 * What each category means for a reader, in each language: shown for a finding whose rule is written in another
 * language than the report's (a French reader's panel on an English article), so that one panel speaks one language.
 * A rule in the report's language keeps its own, more precise, explanation and trainer's note.
 */
export const CATEGORY_EXPLANATIONS: Record<Lang, Record<Category, { explanation: string; trainerNote: string }>> = {
  en: {
    'named-source': {
      explanation: 'A person or body named on the record: the reader knows who says it and can weigh it.',
      trainerNote:
        'Named sources are the strongest attribution: the reader knows who speaks and can ask what they are in a position to know, and what interest they have.',
    },
    'official-document': {
      explanation: 'A document, report or statement is cited: the claim can be checked against it.',
      trainerNote: 'A document can be checked when the article says which one and where to find it; a link or a precise reference is better than “a report”.',
    },
    'media-relay': {
      explanation: 'The information comes from another outlet: the article relays it rather than checking it itself.',
      trainerNote:
        'Relaying is honest attribution, but the original outlet’s sourcing is what counts. Ask whether the article confirmed the information itself.',
    },
    'anonymous-source': {
      explanation: 'An unnamed source: the reader cannot check who speaks, or why.',
      trainerNote:
        'Anonymity can protect a source, but good practice says why it was granted and describes the source’s position. Count how much of the article rests on it.',
    },
    'vague-attribution': {
      explanation: 'A vague attribution (“some say”, “experts”): nobody can be checked.',
      trainerNote: 'Vague attributions lend authority without a source. Ask who exactly, and whether the article could have named them.',
    },
    'self-reference': {
      explanation: 'The outlet gives itself as the source: the claim rests on its own word.',
      trainerNote: '“We have learned” says that the outlet knows, not how. Look for the sources behind it.',
    },
    'exclusive-claim': {
      explanation: 'An “exclusive” label: it says the outlet had the story first, not that it is well sourced.',
      trainerNote: 'Check what the exclusive rests on: named sources and documents, or anonymous sources and the outlet’s own word.',
    },
    'hedged-claim': {
      explanation: 'A claim in the conditional or hedged (“reportedly”): the article does not vouch for it.',
      trainerNote:
        'A hedge with an attribution in its sentence is reported speech; without one, it shows the journalist’s own doubt. Ask where the claim comes from.',
    },
    'unsourced-certainty': {
      explanation: 'A claim presented as common knowledge, with no source.',
      trainerNote: 'Words of certainty stand in for a source. Ask how the article knows, and who could confirm it.',
    },
  },
  fr: {
    'named-source': {
      explanation: 'Une personne ou un organisme nommé : le lecteur sait qui parle et peut le juger.',
      trainerNote:
        'La source nommée est l’attribution la plus solide : le lecteur sait qui parle, et peut se demander ce que cette source est en mesure de savoir et quel intérêt elle a.',
    },
    'official-document': {
      explanation: 'Un document, un rapport ou un communiqué est cité : l’affirmation peut être vérifiée.',
      trainerNote:
        'Un document se vérifie quand l’article dit lequel et où le trouver ; un lien ou une référence précise vaut mieux qu’«\u202fun rapport\u202f».',
    },
    'media-relay': {
      explanation: 'L’information vient d’un autre média : l’article la reprend plutôt que de la vérifier lui-même.',
      trainerNote:
        'Reprendre un confrère est une attribution honnête, mais c’est le sourçage du média d’origine qui compte. Chercher si l’article a confirmé l’information lui-même.',
    },
    'anonymous-source': {
      explanation: 'Une source non nommée : le lecteur ne peut vérifier ni qui parle, ni pourquoi.',
      trainerNote:
        'L’anonymat peut protéger une source, mais la bonne pratique dit pourquoi il a été accordé et situe la source. Compter la part de l’article qui repose sur elle.',
    },
    'vague-attribution': {
      explanation: 'Une attribution vague («\u202fcertains\u202f», «\u202fdes experts\u202f») : personne ne peut être vérifié.',
      trainerNote: 'L’attribution vague donne de l’autorité sans source. Demander qui exactement, et si l’article aurait pu les nommer.',
    },
    'self-reference': {
      explanation: 'Le média se donne lui-même pour source : l’affirmation repose sur sa propre parole.',
      trainerNote: '«\u202fNous avons appris\u202f» dit que le média sait, pas comment. Chercher les sources qui sont derrière.',
    },
    'exclusive-claim': {
      explanation: 'La mention «\u202fexclusif\u202f» dit que le média a eu l’information le premier, pas qu’elle est bien sourcée.',
      trainerNote: 'Regarder sur quoi repose l’exclusivité : des sources nommées et des documents, ou des sources anonymes et la parole du média.',
    },
    'hedged-claim': {
      explanation: 'Une affirmation au conditionnel : l’article ne la prend pas à son compte.',
      trainerNote:
        'Un conditionnel attribué dans sa phrase rapporte la parole de quelqu’un ; sans attribution, il montre le doute du journaliste lui-même. Demander d’où vient l’affirmation.',
    },
    'unsourced-certainty': {
      explanation: 'Une affirmation présentée comme évidente, sans source.',
      trainerNote: 'Les mots de la certitude tiennent lieu de source. Demander comment l’article le sait, et qui pourrait le confirmer.',
    },
  },
};

/**
 * A finding as the report's reader reads it: its rule's own explanation when the rule is written in the report's
 * language, the category's explanation in the report's language otherwise. `ruleLang`: the language the rule's texts
 * are written in (a rule for `any` language is taken to be written in the article's).
 */
export function explainIn(reportLang: Lang, finding: Finding, ruleLang: Lang): Finding {
  if (ruleLang === reportLang)
    return { ...finding, explanation: typeset(reportLang, finding.explanation), trainerNote: typeset(reportLang, finding.trainerNote) };
  const words = CATEGORY_EXPLANATIONS[reportLang][finding.category];
  return { ...finding, explanation: typeset(reportLang, words.explanation), trainerNote: typeset(reportLang, words.trainerNote) };
}
