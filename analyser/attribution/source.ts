// The source of an attribution: where its noun phrase starts and ends, and what kind of source it is, decided from
// the phrase's determiner, proper names and head noun against the lexicons (rules/lexicon/README.md).
import { LIST_BIT, LIST_BIT_OF, type Lexicon, type ListName, type WordSet } from './lexicon';
import type { Token } from './tokens';

/**
 * - person, organisation: named (« Sadio Kamara », « l'Arcom », "the county")
 * - role: a role with a definite determiner, identifiable (« le ministre de l'Intérieur », "the company's spokesman")
 * - anonymous: unnamed but described (« une source proche de », "a senior official", "an Iowa Republican")
 * - vague: a generic group (« certains analystes », "critics", "many doctors")
 * - outlet: a news outlet (« le quotidien Le Monde », "Reuters", "the newspaper")
 * - document: a document or data (« le rapport », "a survey published Tuesday")
 * - pronoun: a back-reference (« il », « ce dernier », "she"): the last named source
 */
export type SourceKind = 'person' | 'organisation' | 'role' | 'anonymous' | 'vague' | 'outlet' | 'document' | 'pronoun';

export interface SourcePhrase {
  /** Token indices, [start, end). */
  start: number;
  end: number;
  kind: SourceKind;
  /** Token indices of the name shown as the finding's source, [start, end); the whole phrase when absent. */
  name?: [number, number];
  /** The lexicon entry and list that decided the kind (a finding names them). */
  entry?: string;
  list?: ListName;
  /** An anonymous source with nothing said about who it is ("sources said"). */
  bare?: boolean;
}

/** A web address standing for a site: a name, a dot and a top-level domain. */
const WEB_ADDRESS = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|info|news|fr|be|ch|ca|uk|de|it|es|io|tv)$/;
/** Shares: "a third", "three-fourths", "two-thirds", "a quarter". */
const FRACTION = /(?:^|-)(?:third|thirds|quarter|quarters|fourth|fourths|fifth|fifths|half)$/;
const CONTRACTED_PRONOUN = /^(?:i|you|we|they|he|she|it|there)'(?:m|re|ve|ll|d|s)$/;
/** Counts that make a share of people: "one in five", "six in 10", « un sur trois ». */
const COUNT = /^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)$/;

/** "of" and « de »: inside a name or a noun phrase ("the Bank of France", « la Banque de France », "a third of"). */
export const OF_WORDS: ReadonlySet<string> = new Set(['of', 'de', 'du', 'des', "d'"]);

/** The indefinite articles (the definite ones, and possessives, are the determiners-definite list). */
const INDEFINITE_ARTICLES = new Set(['a', 'an', 'un', 'une', 'des', 'du']);

const NOUN_LISTS: ListName[] = ['anonymous-heads', 'vague-heads', 'document-nouns', 'media-nouns', 'roles', 'institutions'];
// The questions asked most, as bits of a token's entries (one test instead of a look-up per list).
const NOUN_STARTS = NOUN_LISTS.reduce((bits, list) => bits | LIST_BIT[list], 0);
const DETERMINERS = LIST_BIT['determiners-definite'] | LIST_BIT['determiners-indefinite'];
/** A capitalised word listed in one of these is not a name (isName). */
const NOT_NAMES =
  LIST_BIT['not-names'] |
  DETERMINERS |
  LIST_BIT.prepositions |
  LIST_BIT['clause-openers'] |
  LIST_BIT.pronouns |
  LIST_BIT.honorifics |
  LIST_BIT['vague-quantifiers'];
const FRENCH_ADVERB = /.{3}ment$/;
const ENGLISH_ADVERB = /.{3}ly$/;
const CAPITAL = /\p{Lu}/u;

export class SourceReader {
  constructor(
    readonly lex: Lexicon,
    readonly tokens: readonly Token[],
    /** Outlets the article has introduced (« le journal al-Arab »), by their names' token keys. */
    readonly knownOutlets: Set<string> = new Set(),
    /** Words of the names of the people the article has quoted so far. */
    readonly knownSpeakers: Set<string> = new Set(),
  ) {}

  /** The token keys of [a, b), joined: how a known outlet is remembered. */
  keyOf(a: number, b: number): string {
    return this.tokens
      .slice(a, b)
      .map((t) => t.key)
      .join(' ');
  }

  /** The lists (bits, LIST_BIT) that hold the token at i as a one-word entry. */
  private singles(i: number): number {
    const t = this.tokens[i];
    if (t === undefined) return 0;
    const entries = t.entries;
    return entries !== undefined && entries.index === this.lex.index ? entries.singles : this.lex.index.of(t.key).singles;
  }
  private has(list: ListName, i: number): boolean {
    return (this.singles(i) & LIST_BIT_OF.get(list)!) !== 0;
  }
  at(list: ListName, i: number, end?: number) {
    if (i >= this.tokens.length) return null;
    // (Questions about one list come in runs, a phrase's words one after another: the last list's set is kept.)
    if (list !== this.lastList) {
      this.lastList = list;
      this.lastSet = this.lex.listByName.get(list)!;
    }
    return this.lastSet!.at(this.tokens, i, end);
  }
  private lastList: ListName | undefined = undefined;
  private lastSet: WordSet | undefined = undefined;
  isDeterminer(i: number) {
    return (this.singles(i) & DETERMINERS) !== 0;
  }
  /** An article or a possessive, not a count: "the", "a", « les », « du », "his" (but not "five"). */
  isArticle(i: number) {
    return i >= 0 && i < this.tokens.length && (this.has('determiners-definite', i) || INDEFINITE_ARTICLES.has(this.tokens[i]!.key));
  }
  /** Whether the token at i can open a clause's subject: an article or a count, a pronoun, a name, a figure. */
  opensSubject(i: number) {
    const t = this.tokens[i];
    return !!t && (this.isDeterminer(i) || this.has('pronouns', i) || t.cap || /^\d/.test(t.key));
  }
  isPreposition(i: number) {
    return this.has('prepositions', i);
  }
  isOpener(i: number) {
    return this.has('clause-openers', i);
  }
  isAuxiliary(i: number) {
    const t = this.tokens[i];
    return !!t && (this.has('auxiliaries', i) || t.key.endsWith("n't"));
  }
  isAdverb(i: number) {
    const t = this.tokens[i];
    if (!t || !t.word || t.cap) return false;
    if (this.has('adverbs', i)) return true;
    const suffix = this.lex.lang === 'fr' ? FRENCH_ADVERB : ENGLISH_ADVERB;
    return suffix.test(t.key) && !this.nounAt(i);
  }
  /** A common noun of one of the source lists that starts at i. */
  nounAt(i: number, end?: number): { entry: string; length: number; list: ListName } | null {
    const entries = this.tokens[i]?.entries;
    if (entries !== undefined && entries.index === this.lex.index && (entries.starts & NOUN_STARTS) === 0) return null;
    for (const list of NOUN_LISTS) {
      const m = this.at(list, i, end);
      if (m) return { ...m, list };
    }
    return null;
  }
  /** A capitalised word that is a name: not a grammar word, not a listed common noun, not a day or a month. */
  isName(i: number): boolean {
    const t = this.tokens[i];
    if (!t || !t.word || !t.cap) return false;
    // A grammar word, a day or a month, an honorific, a quantifier.
    if ((this.singles(i) & NOT_NAMES) !== 0) return false;
    // "I'm", "They've", "We're": a pronoun and its verb.
    if (CONTRACTED_PRONOUN.test(t.key)) return false;
    // A capitalised common noun ("Officials", « Police ») is a noun, unless a name follows it ("President Obama").
    if (this.nounAt(i)) return false;
    return true;
  }
  isPossessive(i: number) {
    return this.tokens[i]?.key === "'s";
  }

  /**
   * The noun phrase that starts at i and runs right (after « selon », "according to", an inverted verb):
   * its end, before punctuation, a new clause or a verb. At most `max` tokens.
   */
  rightEnd(i: number, max = 12): number {
    const { tokens } = this;
    let j = i;
    const limit = Math.min(tokens.length, i + max);
    while (j < limit) {
      const t = tokens[j]!;
      if (t.key === '(' && j > i) {
        const close = this.closingParenthesis(j);
        if (close > 0) {
          j = close + 1;
          continue;
        }
      }
      // (Words in quotation marks inside the phrase, after its determiner or adjective and before its noun: "the new
      // “dot plot” of rate projections", "her "clawback" plan".)
      if (t.key === '"' && j > i && tokens[j - 1]!.word && !tokens[j - 1]!.cap) {
        let close = j + 1;
        while (close < limit && close <= j + 4 && tokens[close]!.word) close++;
        if (close > j + 1 && tokens[close]?.key === '"' && tokens[close + 1]?.word) {
          j = close + 1;
          continue;
        }
      }
      if (!t.word && !this.isPossessive(j)) break;
      if (j > i && (this.isOpener(j) || t.key === 'et' || t.key === 'and' || t.key === 'ou' || t.key === 'or') && !this.joinsAdjectives(j)) break;
      // (« à la presse internationale en indiquant »: « en » before a participle opens what follows.)
      if (j > i && t.key === 'en' && /ant$/.test(tokens[j + 1]?.key ?? '')) break;
      if (j > i && !t.cap && this.lex.verbs.has(t.key) && !this.nounAt(j) && !this.isPreposition(j) && !this.beforeItsNoun(j)) break;
      if (j > i && this.isAuxiliary(j) && !this.isPreposition(j) && !this.isDeterminer(j)) break;
      // A determiner after a name or a noun opens another phrase ("told Reuters the talks…"), unless a preposition or
      // a quantifier leads to it (« le porte-parole du ministère », "a spokesman for the agency").
      if (
        j > i &&
        this.isDeterminer(j) &&
        !this.isPreposition(j) &&
        !this.isPreposition(j - 1) &&
        !this.has('vague-quantifiers', j - 1) &&
        tokens[j - 1]!.word &&
        !this.isDeterminer(j - 1) &&
        tokens[j - 1]!.key !== 'both'
      )
        break;
      // ("said the company's lawyer in a statement", « selon ses avocats dans un communiqué »: the document that carried
      // the words is its own phrase, the in-document frame's.)
      if (j > i && (t.key === 'in' || t.key === 'dans') && this.isDeterminer(j + 1) && this.findIn('document-nouns', j + 2, Math.min(limit, j + 5))) break;
      j++;
    }
    return j;
  }

  /**
   * "federal and state officials", "complete but unofficial returns": a conjunction between two words that describe the
   * noun after them joins them; the phrase goes on ("Democratic and Republican aides"). (Not after a noun: "officials
   * and aides" are two sources; and a noun must follow: "the mayor and the governor said".)
   */
  private joinsAdjectives(j: number): boolean {
    const { tokens } = this;
    const before = tokens[j - 1];
    const after = tokens[j + 1];
    if (this.lex.lang !== 'en' || !['and', 'but', 'or'].includes(tokens[j]!.key) || !before?.word || !after?.word) return false;
    const describes = (k: number) => !this.isDeterminer(k) && !this.isPreposition(k) && !this.has('pronouns', k) && !this.lex.verbs.has(tokens[k]!.key);
    // (The noun must follow: "complete but unofficial returns", not "complete but late"; the word after the conjunction
    // may be a noun that describes it: "federal and state officials".)
    return describes(j - 1) && !this.nounAt(j - 1) && describes(j + 1) && !!this.nounAt(j + 2);
  }

  /** "a newly uncovered email", "the leaked report": a participle between a determiner (and an adverb) and its noun. */
  private beforeItsNoun(j: number): boolean {
    const { tokens } = this;
    const d = this.isAdverb(j - 1) ? j - 2 : j - 1;
    if (d < 0 || !this.isDeterminer(d) || !this.nounAt(j + 1)) return false;
    return this.lex.verbs.get(tokens[j]!.key)!.some((s) => s.tense === 'past-participle');
  }

  /**
   * The noun phrase that ends just before `end` and runs left (the subject of « X a déclaré », "X said"): its
   * start, after punctuation, a new clause, a verb or leading words that cannot begin a noun phrase.
   */
  leftStart(end: number, max = 9): number {
    const { tokens } = this;
    let j = end - 1;
    let limit = Math.max(0, end - max);
    while (j >= limit) {
      const t = tokens[j]!;
      // "Rep. Hank Johnson (D-Ga.) said": a parenthesis inside the phrase.
      if (t.key === ')') {
        const open = this.openingParenthesis(j);
        if (open > 0) {
          // (The aside does not count towards the phrase's length.)
          limit = Math.max(0, limit - (j - open + 1));
          j = open - 1;
          continue;
        }
      }
      // ("26% say": a share, its sign inside the phrase.)
      if (!t.word && !this.isPossessive(j) && !(t.key === '%' && /^\d/.test(tokens[j - 1]?.key ?? ''))) break;
      if ((this.isOpener(j) || t.key === 'et' || t.key === 'and') && !this.joinsAdjectives(j)) break;
      // A verb ends the subject, except a participle after a noun ("a survey published Tuesday") and a noun after a
      // possessive ("Cruz's thinking", "her thinking").
      if (
        !t.cap &&
        this.lex.verbs.has(t.key) &&
        !this.nounAt(j) &&
        !(this.isPossessive(j - 1) || ['his', 'her', 'their', 'its', 'son', 'sa', 'ses', 'leur', 'leurs'].includes(tokens[j - 1]?.key ?? '')) &&
        !(this.nounAt(j - 1) && this.lex.verbs.get(t.key)!.some((s) => s.tense === 'past-participle'))
      )
        break;
      if (this.isAuxiliary(j) && !this.isDeterminer(j) && !this.isPreposition(j)) break;
      // ("told King she believes": a subject pronoun is the whole phrase.)
      if (j < end - 1 && this.has('pronouns', j + 1) && tokens[j + 1]!.word) break;
      j--;
    }
    let start = j + 1;
    // A phrase does not begin with a preposition or an unknown lower-case word ("On Tuesday officials said").
    while (start < end && this.cannotBegin(start)) start++;
    return start;
  }

  private insideParentheses(i: number, from: number): boolean {
    for (let k = i - 1; k >= from; k--) {
      if (this.tokens[k]!.key === ')') return false;
      if (this.tokens[k]!.key === '(') return true;
    }
    return false;
  }

  private openingParenthesis(close: number): number {
    for (let k = close - 1; k >= Math.max(0, close - 16); k--) if (this.tokens[k]!.key === '(') return k;
    return -1;
  }

  private closingParenthesis(open: number): number {
    for (let k = open + 1; k < Math.min(this.tokens.length, open + 16); k++) if (this.tokens[k]!.key === ')') return k;
    return -1;
  }

  private cannotBegin(i: number): boolean {
    const t = this.tokens[i]!;
    if (this.isPossessive(i)) return true;
    // "Nearly nine out of 10", "about a third", "more than six in 10": how near a count is, not the phrase's first word.
    if (this.lex.lists.approximators.has(t.key)) return true;
    if (['more', 'fewer', 'less'].includes(t.key) && this.tokens[i + 1]?.key === 'than') return true;
    if (t.key === 'than' && /^\d|^(?:one|two|three|four|five|six|seven|eight|nine|ten|half|a)$/.test(this.tokens[i + 1]?.key ?? '')) return true;
    if (this.isDeterminer(i) || this.has('vague-quantifiers', i) || this.has('pronouns', i) || this.has('honorifics', i)) return false;
    if (this.nounAt(i) || this.at('outlets', i)) return false;
    if (t.cap) return this.has('not-names', i) || this.isPreposition(i) || this.isOpener(i);
    if (/^\d/.test(t.key)) return false;
    // ("three-fourths say": a share opens its phrase.)
    if (FRACTION.test(t.key) || COUNT.test(t.key)) return false;
    return true;
  }

  /** What kind of source the tokens [a, b) are, or null when they are not a source the grammar knows. */
  classify(a: number, b: number): SourcePhrase | null {
    const source = this.classifyPhrase(a, b);
    // "Dan (not his real name)", « Antoine* », « Marie (le prénom a été modifié) »: a name given as a pseudonym names
    // nobody; the source is unnamed (the taxonomy's « Antoine* »).
    if (source?.kind === 'person' && source.name && this.pseudonymAt(source.name[1]))
      return { start: source.start, end: source.end, kind: 'anonymous', entry: 'pseudonym', list: 'anonymous-modifiers' };
    return source;
  }

  /** A pseudonym's mark right after a name: an asterisk, or an anonymity phrase in parentheses. */
  private pseudonymAt(j: number): boolean {
    const t = this.tokens[j];
    if (t?.key === '*') return true;
    if (t?.key !== '(') return false;
    const close = this.closingParenthesis(j);
    for (let k = j + 1; k < close; k++) if (this.at('anonymous-modifiers', k, close)) return true;
    return false;
  }

  private classifyPhrase(a: number, b: number): SourcePhrase | null {
    const { tokens } = this;
    // A phrase does not end with an article or a preposition ("the protesters gathered on the", « une partie de »): what
    // follows was cut off, and the highlight stops before it.
    while (b > a + 1 && tokens[b - 1]!.word && (this.isArticle(b - 1) || this.isPreposition(b - 1))) b--;
    if (b <= a) return null;
    // A pronoun standing alone (« il », « ce dernier », "she").
    const pronoun = this.at('pronouns', a, b);
    if (pronoun && a + pronoun.length === b) {
      // A plural pronoun (« ils », "they") stands for a group, not for the last named source.
      if (/^(?:ils|elles|they|ceux|celles|ces )/.test(pronoun.entry.toLowerCase())) return null;
      return { start: a, end: b, kind: 'pronoun', entry: pronoun.entry, list: 'pronouns' };
    }
    // The outlet's own words are self-references (« nos sources », "our reporting"): the self-reference rules' job.
    // (« nos confrères du Parisien » are another outlet.)
    if (['nos', 'notre', 'our', 'we', 'nous'].includes(tokens[a]!.key) && !this.findIn('media-nouns', a + 1, b)) return null;
    // « On dit que », « on estime »: nobody in particular.
    if (this.lex.lang === 'fr' && b - a === 1 && tokens[a]!.key === 'on') return { start: a, end: b, kind: 'vague', entry: 'on' };
    // "One in five said", "nine out of 10", « un sur trois », "a third", "three-fourths", "those surveyed": a share of the
    // people polled is a group with nothing said about who.
    if (b - a === 3 && ['in', 'sur'].includes(tokens[a + 1]!.key) && COUNT.test(tokens[a]!.key) && COUNT.test(tokens[a + 2]!.key))
      return { start: a, end: b, kind: 'vague', entry: tokens[a + 1]!.key };
    if (b - a === 4 && tokens[a + 1]!.key === 'out' && tokens[a + 2]!.key === 'of' && COUNT.test(tokens[a]!.key) && COUNT.test(tokens[a + 3]!.key))
      return { start: a, end: b, kind: 'vague', entry: 'out of' };
    // ("4 in 10 Republican voters", "six in 10 of them": a count of a group speaks as its group, as shareOf says.)
    if (b - a > 3 && ['in', 'sur'].includes(tokens[a + 1]!.key) && COUNT.test(tokens[a]!.key) && COUNT.test(tokens[a + 2]!.key)) {
      const group = this.classify(OF_WORDS.has(tokens[a + 3]!.key) ? a + 4 : a + 3, b);
      if (group && group.kind !== 'pronoun') return { start: a, end: b, kind: group.kind === 'anonymous' ? 'anonymous' : 'vague', entry: tokens[a + 1]!.key };
    }
    // "26% say", « 40 % des sondés » (the latter by its head noun).
    if (b - a === 2 && /^\d/.test(tokens[a]!.key) && tokens[a + 1]!.key === '%') return { start: a, end: b, kind: 'vague', entry: '%' };
    // ("a third of independents", "One-third of voters": a share of a group speaks as its group, as shareOf says.)
    const fraction = this.fractionEnd(a, b);
    if (fraction === b) return { start: a, end: b, kind: 'vague', entry: tokens[b - 1]!.key };
    if (fraction > 0 && fraction + 1 < b && tokens[fraction]!.key === 'of') {
      const group = this.classify(fraction + 1, b);
      if (group && group.kind !== 'pronoun')
        return { start: a, end: b, kind: group.kind === 'anonymous' ? 'anonymous' : 'vague', entry: tokens[fraction - 1]!.key };
    }
    if (b - a === 2 && tokens[a]!.key === 'those' && ['surveyed', 'polled', 'asked', 'questioned', 'interviewed'].includes(tokens[a + 1]!.key))
      return { start: a, end: b, kind: 'vague', entry: 'those' };
    // "said the 46-year-old": someone described by their age.
    if (b - a === 2 && /^\d+-year-old$/.test(tokens[a + 1]!.key))
      return { start: a, end: b, kind: this.has('determiners-definite', a) ? 'role' : 'anonymous', entry: tokens[a + 1]!.key };
    // "both the unions and the association": "both" announces a pair, which the phrase after it names.
    if (tokens[a]!.key === 'both' && b - a > 1) return this.classify(a + 1, b);
    // « aucune agence », "no official": nobody said it.
    const negative = this.lex.lists['negative-words'];
    if (negative.has(tokens[a]!.key) || negative.has(tokens[a - 1]?.key ?? '')) return null;

    // "The Post reported", "the Times wrote": a newspaper by the last word of its name alone (before "post" is read as a
    // document).
    if (this.lex.lang === 'en' && b - a === 2 && tokens[a]!.key === 'the' && tokens[a + 1]!.cap && this.at('outlet-words', a + 1))
      return { start: a, end: b, kind: 'outlet', name: [a + 1, b], entry: tokens[a + 1]!.key, list: 'outlet-words' };
    // A document obtained or quoted by an outlet is still a document ("Documents obtained by the Guardian"): an English
    // phrase that opens with a document noun is one, whatever its complement names.
    if (this.lex.lang === 'en' && !this.at('vague-quantifiers', a, b)) {
      let d = a;
      if (this.isDeterminer(d)) d++;
      while (d < b && !this.nounAt(d) && !tokens[d]!.cap && tokens[d]!.word && !this.isPreposition(d)) d++;
      // "an average of recent polls", "the RealClearPolitics rolling average of polls": a measure of documents or data
      // is one too.
      let of = d;
      while (of < b && of < d + 4 && tokens[of]!.word && !this.nounAt(of) && !this.isPreposition(of)) of++;
      if (of > a && of < b && tokens[of]!.key === 'of' && !this.nounAt(of - 1) && !tokens[of - 1]!.cap) d = of;
      if (d > a && d < b && tokens[d]!.key === 'of' && !this.nounAt(d - 1)) {
        let e = d + 1;
        while (e < b && !this.nounAt(e) && tokens[e]!.word && !tokens[e]!.cap) e++;
        const inner = this.at('document-nouns', e, b);
        if (inner) return { start: a, end: b, kind: 'document', entry: inner.entry, list: 'document-nouns' };
      }
      const noun = this.at('document-nouns', d, b);
      // ("local news reports": the press's reporting, below.)
      const press = d > a && ['news', 'press', 'media'].includes(tokens[d - 1]!.key);
      if (
        noun &&
        !press &&
        !(d === a && this.verbBeforeArticle(a)) &&
        (d + noun.length === b || this.isPreposition(d + noun.length) || /(?:ed|en|wn)$/.test(tokens[d + noun.length]!.key))
      )
        return { start: a, end: b, kind: 'document', entry: noun.entry, list: 'document-nouns' };
    }
    // An outlet named anywhere in the phrase: « le quotidien Le Monde », "the Boston Globe".
    for (let i = a; i < b; i++) {
      // A web address ("ouest-france.fr", "politico.com") is a site's name.
      if (tokens[i]!.key.includes('.') && WEB_ADDRESS.test(tokens[i]!.key))
        return { start: a, end: b, kind: 'outlet', name: [i, i + 1], entry: tokens[i]!.key, list: 'outlets' };
      const outlet = this.at('outlets', i, b);
      // "Michael Bloomberg", or "Bloomberg" once the article has quoted him: a person's name that is an outlet's too.
      const surname = outlet && outlet.length === 1 && ((i > a && this.isName(i - 1)) || this.knownSpeakers.has(tokens[i]!.key));
      // "the Reuters Institute", "the Independent Transportation Trust": an outlet's name at the head of a longer name
      // that ends with a body's noun (institutions) is that other body's. (Not « l'AFP Mohamed Bazoum », "the Times
      // Magazine": a speaker's name or an outlet's word after it.)
      let next = outlet ? i + outlet.length : b;
      while (next < b && tokens[next]!.cap && tokens[next]!.word) next++;
      const longer = !!outlet && next > i + outlet.length && this.at('institutions', next - 1) !== null;
      if (outlet && !surname && !longer) {
        // Outlet names are matched with their capitals: « Le Monde », not « tout le monde ».
        // (« Le Canard enchaîné »: one capitalised word besides the article is enough.)
        const capitalised = tokens.slice(i, i + outlet.length).some((t, k) => t.cap && !(k === 0 && this.isDeterminer(i)));
        if (capitalised || !CAPITAL.test(outlet.entry))
          return { start: a, end: b, kind: 'outlet', name: [i, i + outlet.length], entry: outlet.entry, list: 'outlets' };
      }
      if (this.isName(i)) {
        let e = i;
        while (e < b && (this.isName(e) || (e > i && tokens[e]!.cap && this.at('outlet-words', e)))) e++;
        // A name the article introduced as an outlet (« le journal al-Arab » … « souligne al-Arab »).
        const key = this.keyOf(i, e);
        if (this.knownOutlets.has(key)) return { start: a, end: b, kind: 'outlet', name: [i, e], entry: key, list: 'outlets' };
        // "the Boston Globe", "the Spokesman-Review": a name ending with an outlet's word.
        const last = e - 1;
        const hyphen = tokens[last]!.key.lastIndexOf('-');
        if (hyphen > 0 && this.lex.lists['outlet-words'].has(tokens[last]!.key.slice(hyphen + 1)) && this.isDeterminer(i - 1))
          return { start: a, end: b, kind: 'outlet', name: [i, e], entry: tokens[last]!.key, list: 'outlet-words' };
        if (last > i && tokens[last]!.cap && this.at('outlet-words', last))
          return { start: a, end: b, kind: 'outlet', name: [i, e], entry: tokens[last]!.key, list: 'outlet-words' };
      }
    }

    // The core of the phrase stops at its first preposition (« le porte-parole | du ministère », "officials | at").
    // A quantifier's « de » (« beaucoup d'experts », "a number of") stays inside.
    let coreEnd = b;
    for (let i = a + 1; i < b; i++) {
      // (Not right after a determiner, where it is an adjective: "an inside source".)
      if (this.isPreposition(i) && !this.quantifierEndsAt(a, i) && !this.isDeterminer(i - 1)) {
        coreEnd = i;
        break;
      }
    }
    // (Lower case: "the hacker group Anonymous" is a name.)
    const anonymousModifier = this.findIn('anonymous-modifiers', a, b, true);

    // Determiner, honorific, names and the head noun of the core.
    let i = a;
    let determiner: 'definite' | 'indefinite' | 'possessive' | 'vague' | null = null;
    const quantifier = this.at('vague-quantifiers', i, coreEnd);
    if (quantifier) {
      determiner = 'vague';
      i += quantifier.length;
    } else if (['du', 'des'].includes(tokens[i]!.key) && i === a && [1, 2, 3].some((d) => a >= d && this.has('speech-nouns', a - d))) {
      // « les propos du ministre », « les critiques répétées des syndicats »: « de » and the definite article in one word.
      determiner = 'definite';
      i++;
    } else if (this.has('determiners-definite', i)) {
      determiner = ['son', 'sa', 'ses', 'leur', 'leurs', 'his', 'her', 'its', 'their'].includes(tokens[i]!.key) ? 'possessive' : 'definite';
      i++;
    } else if (this.has('determiners-indefinite', i)) {
      determiner = 'indefinite';
      i++;
    }
    const secondQuantifier = this.at('vague-quantifiers', i, coreEnd);
    if (secondQuantifier) {
      // « des » then « nombreux »: the quantifier decides.
      determiner = 'vague';
      i += secondQuantifier.length;
    }
    // An English possessive makes the phrase definite: "the company's spokesman", "Clinton's campaign manager".
    for (let k = i; k < coreEnd; k++) if (this.isPossessive(k) && determiner !== 'indefinite') determiner = 'possessive';

    const honorific = this.findIn('honorifics', a, b);
    const names = this.nameRuns(a, b);
    const coreNames = names.filter(([s]) => s < coreEnd);
    const head = this.head(i, coreEnd, b);

    const phrase = (kind: SourceKind, extra: Partial<SourcePhrase> = {}): SourcePhrase => ({ start: a, end: b, kind, ...extra });

    // "local news reports", « des articles de presse »: documents of the press are the press's reporting.
    if (
      head?.list === 'document-nouns' &&
      head.index > a &&
      !tokens[head.index - 1]!.cap &&
      (this.at('media-nouns', head.index - 1) || ['news', 'press', 'media'].includes(tokens[head.index - 1]!.key))
    )
      return phrase('outlet', { entry: tokens[head.index - 1]!.key, list: 'media-nouns' });
    if (head?.list === 'document-nouns' && head.index === a && this.verbBeforeArticle(a)) return null;
    if (head?.list === 'document-nouns') return phrase('document', { entry: head.entry, list: head.list });
    if (head?.list === 'media-nouns') {
      const name = names.find(([s]) => s > head.index);
      return phrase('outlet', { entry: head.entry, list: head.list, ...(name ? { name } : {}) });
    }
    if (anonymousModifier && !(head && !head.list && determiner === null)) {
      return phrase('anonymous', { entry: anonymousModifier.entry, list: 'anonymous-modifiers' });
    }
    // « selon les diplomates occidentaux »: a definite plural with nothing said about who is a generic group.
    if (head?.list === 'anonymous-heads' && this.lex.lang === 'fr' && tokens[a]!.key === 'les' && !/^sources?$/.test(head.entry) && coreEnd === b)
      return phrase('vague', { entry: head.entry, list: head.list });
    if (head?.list === 'anonymous-heads') {
      // Nothing said about who: the head alone, or after a plain indefinite (« des sources »).
      const bare =
        head.index + head.entry.split(/\s+/).length === b && (head.index === a || (head.index === a + 1 && ['des', 'de', "d'"].includes(tokens[a]!.key)));
      return phrase('anonymous', { entry: head.entry, list: head.list, bare });
    }
    if (head?.list === 'vague-heads') {
      // "a 52-percent majority of GOP insiders", "half of the officials", « la moitié des responsables »: a share of a
      // group speaks as its group, which may be unnamed people rather than a generic group.
      const group = this.shareOf(head, b);
      if (group?.kind === 'anonymous') return phrase('anonymous', { entry: group.entry, list: group.list });
      return phrase('vague', { entry: head.entry, list: head.list });
    }
    if (!head && quantifier && a + quantifier.length === b) return phrase('vague', { entry: quantifier.entry, list: 'vague-quantifiers' });
    // "Several said", « Plusieurs ont dénoncé »: a count standing alone is a generic group.
    if (!head && b - a === 1 && this.has('determiners-indefinite', a) && !['a', 'an', 'un', 'une', 'one', 'des', 'de', "d'", 'du'].includes(tokens[a]!.key))
      return phrase('vague', { entry: tokens[a]!.key, list: 'determiners-indefinite' });
    if (head?.list === 'roles') {
      const headEnd = head.index + head.entry.split(/\s+/).length;
      // « les militants », "the protesters": a group, however definite, names nobody.
      // (The role's own noun tells: « les ministres », not the complement of « le ministre des Affaires étrangères ».)
      const noun = this.lex.lang === 'fr' ? tokens[head.index]!.key : tokens[headEnd - 1]!.key;
      const plural = /[sx]$/.test(noun) && !/(?:ss|us)$/.test(noun);
      // ("Republicans in Western North Carolina": a group's complement names a place, not its members.)
      const name = plural ? coreNames.find(([s]) => s === headEnd) : (this.holderName(names, head.index, coreEnd) ?? coreNames[0]);
      if (determiner === 'vague') return phrase('vague', { entry: head.entry, list: head.list });
      if (name && determiner !== 'indefinite') return phrase('person', { entry: head.entry, list: head.list, name });
      // "said King, who resigned": a capitalised role alone, without an article, is a surname.
      if (!determiner && !plural && b - a === 1 && tokens[a]!.cap && a > 0) return phrase('person', { name: [a, b] });
      if (determiner === 'definite' && plural) return phrase('vague', { entry: head.entry, list: head.list });
      if (determiner === 'definite' || determiner === 'possessive') return phrase('role', { entry: head.entry, list: head.list });
      // "a spokesman for the agency", « un porte-parole de la mairie »: the body speaks through its spokesperson.
      const body = !!this.findIn('institutions', coreEnd, b) || names.some(([s]) => s >= coreEnd);
      if (determiner === 'indefinite' && body && /^(?:spokes|porte-parole|representative|representant)/.test(head.entry.toLowerCase()))
        return phrase('organisation', { entry: head.entry, list: head.list });
      if (determiner === 'indefinite') return phrase('anonymous', { entry: head.entry, list: head.list });
      // A bare singular, as headlines write ("Governor says", "Win or not, candidate says"), is the one the story is about.
      if (!determiner && !plural && this.lex.lang === 'en' && (!tokens[head.index]!.cap || head.index === 0) && !/[^s]s$/.test(tokens[b - 1]!.key))
        return phrase('role', { entry: head.entry, list: head.list });
      // A bare plural ("doctors say", « des médecins ») is a generic group.
      return phrase('vague', { entry: head.entry, list: head.list });
    }
    if (head?.list === 'institutions') {
      if (determiner === 'indefinite' || determiner === 'vague') return phrase('anonymous', { entry: head.entry, list: head.list });
      // A bare plural ("Universities say", "British banks said", « des syndicats ») is a generic group: no body named.
      const headEnd = head.index + head.entry.split(/\s+/).length;
      const noun = this.lex.lang === 'fr' ? tokens[head.index]!.key : tokens[headEnd - 1]!.key;
      if (!determiner && /[^s]s$/.test(noun) && !names.some(([s]) => s >= head.index) && this.lex.lang === 'en')
        return phrase('vague', { entry: head.entry, list: head.list });
      // Its name is the phrase without its determiner: "the Association of British Insurers" → Association of British Insurers.
      return phrase('organisation', { entry: head.entry, list: head.list, name: coreNames[0] ?? [determiner ? a + 1 : a, b] });
    }
    // English does not put "the" before a person's name: "the Paris attacks", "the Clinton" are not subjects.
    // (An organisation's name may take it: "the Division of Gaming Enforcement", "the Association of British Insurers".)
    // (Nor an acronym, "the FBI", "the F.A.A."; with a title before it, the name is a person's: "the House Rep. Paul Ryan".)
    if (head?.name && head.nameEnd === head.index + 1 && tokens[head.index]!.acronym && this.lex.lang === 'en' && determiner === 'definite' && head.index === i)
      return phrase('organisation', { name: [head.index, head.index + 1] });
    if (
      head?.name &&
      this.lex.lang === 'en' &&
      determiner === 'definite' &&
      !(honorific && honorific.index < head.index) &&
      !coreNames.some(([s, e]) => e - s > 1 && this.at('institutions', e - 1)) &&
      this.nameEnd(head.nameEnd!, b) - this.capitalsFrom(head.index, a) < 3
    )
      return null;
    // « Environ 400 Français », "two Americans": a count of people of a nationality, not a named source.
    // (Not a number inside an aside: "Kasich (who has 25 delegates) said".)
    if (head?.name && tokens.slice(a, b).some((t, k) => /^\d/.test(t.key) && !this.insideParentheses(a + k, a))) return null;
    if (head?.name) {
      // "an Iowa Republican", « un élu Les Républicains »: a description, not a name.
      if (determiner === 'vague') return phrase('vague', { entry: tokens[head.index]!.key });
      // ("a skeptical Robert Wolfarth": a first name and a surname are a person's, whatever the article.)
      if (determiner === 'indefinite' && !(this.lex.lang === 'en' && head.nameEnd! - head.index >= 2 && head.nameEnd === coreEnd))
        return phrase('anonymous', { entry: tokens[head.index]!.key });
      return phrase('person', { name: [head.index, this.nameEnd(head.nameEnd!, b)] });
    }
    if (honorific && names.length) return phrase('person', { entry: honorific.entry, list: 'honorifics', name: names[0]! });
    return null;
  }

  /** Where the capitalised words that end with the one at i begin (a listed noun among them: "the Tax Policy Center"). */
  private capitalsFrom(i: number, a: number): number {
    while (i > a && this.tokens[i - 1]!.cap && !this.isDeterminer(i - 1)) i--;
    return i;
  }

  /** An organisation's name keeps its "of" and "for": "the Association of British Insurers", « la Cour des comptes ». */
  private nameEnd(e: number, b: number): number {
    const { tokens } = this;
    while (e < b - 1 && ['of', 'for', 'on', 'de', 'des', 'du', "d'"].includes(tokens[e]!.key)) {
      let k = e + 1;
      if (tokens[k]?.key === 'the' || tokens[k]?.key === "l'" || tokens[k]?.key === 'la') k++;
      if (!(k < b && tokens[k]!.cap)) break;
      while (k < b && tokens[k]!.cap) k++;
      e = k;
    }
    return e;
  }

  /**
   * The name of a role's holder: a name right after the role (« le ministre Gérald Darmanin »), or after its
   * complement, whose first capitalised word is the domain (« le ministre de l'Intérieur Gérald Darmanin »;
   * « le ministre de la Défense » alone names nobody).
   */
  private holderName(names: Array<[number, number]>, head: number, coreEnd: number): [number, number] | undefined {
    for (const [s, e] of names) {
      if (s <= head) continue;
      if (s < coreEnd || (!this.isPreposition(s - 1) && !this.isDeterminer(s - 1))) return [s, e];
      if (e - s >= 3) return [s + 1, e];
    }
    return undefined;
  }

  /** The group after a head that is a share of it ("majority of", « moitié des »), classified; null for any other head. */
  private shareOf(head: { index: number; entry: string }, b: number): SourcePhrase | null {
    const { tokens } = this;
    const headEnd = head.index + head.entry.split(/\s+/).length;
    const last = tokens[headEnd - 1]!.key;
    const shares = this.lex.lists['share-nouns'];
    // (English fractions by their form, FRACTION: "half", "three-quarters", "two-thirds".)
    if (!shares.has(last) && !shares.has(last.slice(last.lastIndexOf('-') + 1)) && !FRACTION.test(last)) return null;
    if (headEnd + 1 >= b || !OF_WORDS.has(tokens[headEnd]!.key)) return null;
    return this.classify(headEnd + 1, b);
  }

  /**
   * "… and probe the fleeting blasts": a document noun that opens the phrase right before an article is a verb and its
   * object. (Only when the phrase's head is that noun: "figures her campaign released" is a noun and its clause.)
   */
  private verbBeforeArticle(a: number): boolean {
    const noun = this.at('document-nouns', a);
    return !!noun && this.isDeterminer(a + noun.length);
  }

  /**
   * Whether [a, b) opens with a share of people, as a poll gives it: "60 percent of voters", "26%", "4 in 10 Democrats",
   * "a third of", "a large majority of", "those surveyed", « 58 % des Français », « la majorité des sondés » (after
   * "about", "more than", « près de »).
   */
  opensWithShare(a: number, b: number): boolean {
    const { tokens } = this;
    while (a < b && this.cannotBegin(a) && !this.isDeterminer(a)) a++;
    if (b - a < 1) return false;
    const key = (j: number) => tokens[j]?.key ?? '';
    if (COUNT.test(key(a)) && ['in', 'sur', 'out'].includes(key(a + 1))) return true;
    if (a + 1 < b && ['percent', '%', 'per'].includes(key(a + 1))) return true;
    if (this.fractionEnd(a, b) > 0 || FRACTION.test(key(a))) return true;
    if (key(a) === 'those' && ['surveyed', 'polled', 'asked', 'questioned', 'interviewed'].includes(key(a + 1))) return true;
    const shares = this.lex.lists['share-nouns'];
    if (this.isDeterminer(a)) for (let j = a + 1; j < Math.min(b, a + 4); j++) if (shares.has(key(j)) && key(j) !== '%') return true;
    return false;
  }

  /** Where a fraction that opens [a, b) ends ("One-third", "a third", "two-thirds"), or -1. */
  private fractionEnd(a: number, b: number): number {
    const { tokens } = this;
    if (FRACTION.test(tokens[a]!.key)) return tokens[a]!.key.includes('-') ? a + 1 : -1;
    return ['a', 'one', 'two', 'three', 'another'].includes(tokens[a]!.key) && a + 1 < b && FRACTION.test(tokens[a + 1]!.key) ? a + 2 : -1;
  }

  /** Whether [a, i) is a quantifier that takes « de » / "of": « beaucoup », « la plupart », "a number". */
  private quantifierEndsAt(a: number, i: number): boolean {
    for (let k = a; k < i; k++) {
      const q = this.at('vague-quantifiers', k, i + 1);
      if (q && k + q.length >= i) return true;
    }
    return false;
  }

  private findIn(list: ListName, a: number, b: number, lowerCase = false): { entry: string; length: number; index: number } | null {
    const set = this.lex.listByName.get(list)!;
    for (let i = a; i < b; i++) {
      if (lowerCase && this.tokens[i]!.cap) continue;
      const m = set.at(this.tokens, i, b);
      if (m) return { ...m, index: i };
    }
    return null;
  }

  /** Runs of names in [a, b): « Gérald Darmanin », "Ash Carter", with honorifics and initials inside. */
  private nameRuns(a: number, b: number): Array<[number, number]> {
    const runs: Array<[number, number]> = [];
    let i = a;
    while (i < b) {
      if (this.isName(i)) {
        let e = i + 1;
        // Particles inside a name: « de Villepin », "van Kerkhove", « al-Arab ».
        while (
          e < b &&
          (this.isName(e) ||
            (['de', 'van', 'von', 'der', 'da', 'di', 'del', 'la', 'le', 'bin', 'ben', 'al'].includes(this.tokens[e]!.key) && this.isName(e + 1) && e + 1 < b))
        )
          e++;
        runs.push([i, e]);
        i = e;
      } else i++;
    }
    return runs;
  }

  /**
   * The head of the core [i, end): in French the first listed noun or name after the determiner and adjectives
   * (« un haut responsable », « le ministre Gérald Darmanin »); in English the last one (« State Department
   * officials », "Defense Secretary Ash Carter"), skipping the words after it that are neither.
   */
  private head(i: number, end: number, limit = end): { index: number; entry: string; list?: ListName; name?: boolean; nameEnd?: number } | null {
    const candidates: Array<{ index: number; entry: string; list?: ListName; name?: boolean; nameEnd?: number; length: number }> = [];
    let k = i;
    while (k < end) {
      // A parenthesis is an aside ("Rep. Steve Israel (D-N.Y.)"): never the head.
      if (this.tokens[k]!.key === '(') {
        const close = this.closingParenthesis(k);
        if (close > 0) {
          k = close + 1;
          continue;
        }
      }
      // A listed noun may run past the core's first preposition: « le Quai d'Orsay », « le ministère de l'Intérieur ».
      const noun = this.nounAt(k, limit);
      if (noun) {
        candidates.push({ index: k, entry: noun.entry, list: noun.list, length: noun.length });
        k += noun.length;
        continue;
      }
      if (this.isName(k)) {
        let e = k + 1;
        while (e < end && (this.isName(e) || (this.tokens[e]!.key.length === 2 && this.tokens[e]!.cap))) e++;
        candidates.push({ index: k, entry: this.tokens[k]!.key, name: true, nameEnd: e, length: e - k });
        k = e;
        continue;
      }
      k++;
    }
    if (!candidates.length) return null;
    if (this.lex.lang === 'fr') return candidates[0]!;
    return candidates[candidates.length - 1]!;
  }
}
