// The rule engine: runs the rules in force over the article's sentences and returns findings with
// their offsets, then adds the nuances the score reads (bare or described sources, corroboration,
// a stated reason for anonymity, attributed hedges, labels).
import type { ArticleText } from './article';
import type { Finding, Qualifier } from './report';
import { inQuote, segment, type Sentence } from './segment';
import { fold, foldTypography, oneByte } from './text';
import type { Category, Lang } from './taxonomy';
import { expandVocabulary, type Rule, type RulePack } from '../rules/schema';
import { CONTEXT } from './context';
import { candidateSentences, filterText, patternFilter, requiredLiterals, type Needles, type PatternFilter } from './prefilter';
import { grammarMatches, type GrammarKind, type Trace } from './attribution';
import { builtinPacks } from '../rules/builtin';

const BUILTIN = new Set<Rule>(builtinPacks.flatMap((pack) => pack.rules));

export interface RuleInForce {
  rule: Rule;
  pack: RulePack;
}

export interface MatchContext {
  /** Names the page's own outlet goes by (« Algérie Part », "TMZ"), folded and lower-cased. */
  siteNames?: string[];
  /** The reader's packs: their lexicon entries join the grammar's (a pack may hold entries and no rule). */
  packs?: readonly RulePack[];
}

interface CompiledRule {
  rule: Rule;
  patterns: RegExp[];
  unless: RegExp[];
  /** Per pattern: words one of which a sentence must contain for the pattern to match there (prefilter.ts). */
  needles: Needles[];
  /** Per pattern: whether it has been primed (see prime). */
  primed: boolean[];
}

/** Matches found per sentence before overlaps are resolved; `examples` tests read this. */
export interface RawMatch {
  rule: Rule;
  start: number;
  end: number;
  sentence: Sentence;
  who?: string;
  /** A grammar finding: the frame and lexicon entries behind it. */
  trace?: Trace;
  /** A grammar finding whose anonymous source is not described ("sources said"). */
  bare?: boolean;
  /** A grammar finding whose cue is a verb of finding or providing (« le texte prévoit »). */
  finding?: boolean;
}

const compiled = new WeakMap<Rule, CompiledRule>();

export function compileRule(rule: Rule, pack: RulePack): CompiledRule {
  let c = compiled.get(rule);
  if (c) return c;
  // `d` gives the offsets of the `who` group.
  const flags = rule.caseSensitive ? 'dgu' : 'dgiu';
  // Patterns are folded like the text, so that « d’après » in a rule matches "d'apres" in a page.
  const f = rule.accentSensitive ? foldTypography : fold;
  const source = (pattern: string) => flexibleSpaces(f(expandVocabulary(pattern, pack.vocabulary)));
  const patterns = rule.patterns.map((p) => new RegExp(source(p), flags));
  c = {
    rule,
    patterns,
    unless: rule.unless.map((u) => new RegExp(source(u), rule.caseSensitive ? 'u' : 'iu')),
    needles: patterns.map((re) => requiredLiterals(re.source, re.flags)),
    primed: patterns.map(() => false),
  };
  compiled.set(rule, c);
  return c;
}

const MAX_MATCHES_PER_RULE = 2000;

/**
 * A space in a pattern stands for any run of white space, so that rules written with single spaces
 * still match pages with double spaces or line breaks inside a paragraph: " " → \s+, " ?" and " *" → \s*,
 * " +" → \s+. Spaces inside character classes and escaped spaces are left alone.
 */
export function flexibleSpaces(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      out += ch + (source[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (ch === ' ') {
      const next = source[i + 1];
      if (next === '?' || next === '*') {
        out += '\\s*';
        i++;
      } else if (next === '+') {
        out += '\\s+';
        i++;
      } else if (next === '{') out += '\\s';
      else out += '\\s+';
    } else out += ch;
  }
  return out;
}

export function rawMatches(article: ArticleText, lang: Lang, rules: RuleInForce[], context: MatchContext = {}, folded = fold(article.text)): RawMatch[] {
  const { sentences, quotes } = segment(article);
  const inLang = rules.filter(({ rule }) => rule.lang === 'any' || rule.lang === lang);
  const active = inLang.filter(({ rule }) => !rule.grammar).map(({ rule, pack }) => compileRule(rule, pack));
  // The texts the patterns run on, sentence by sentence: folded, or folded but with its accents (the few rules that
  // tell « serait » from « sérait »), made once per sentence and only for the sentences a pattern may match in.
  // Each is one-byte whenever it can be (see text.ts: patterns run many times faster on one-byte strings).
  const wide = WIDE.test(folded);
  const subjects: [Array<string | undefined>, Array<string | undefined>] = [[], []];
  const subject = (kind: 0 | 1, index: number) => {
    const s = sentences[index]!;
    return (subjects[kind][index] ??=
      kind === 1 ? foldTypography(article.text.slice(s.start, s.end)) : wide ? oneByte(folded.slice(s.start, s.end)) : folded.slice(s.start, s.end));
  };
  // The prefilter: per pattern, the sentences holding one of its words, found in one pass over the text (prefilter.ts).
  const filter = filterOf(active);
  // (Filled by a loop: Int32Array.from with a function goes through the iteration protocol, slowly.)
  const starts = new Int32Array(sentences.length);
  const ends = new Int32Array(sentences.length);
  for (let k = 0; k < sentences.length; k++) {
    starts[k] = sentences[k]!.start;
    ends[k] = sentences[k]!.end;
  }
  let marks: Array<Uint8Array | null> | null | undefined;
  let accentMarks: Array<Uint8Array | null> | null | undefined;
  const candidates = (c: CompiledRule): Array<Uint8Array | null> => {
    let all: Array<Uint8Array | null> | null;
    if (filter.accents && c.rule.accentSensitive) {
      // Words with accents in them: looked for in the text that keeps its accents.
      if (accentMarks === undefined) {
        const lower = filterText(foldTypography(article.text));
        accentMarks = lower === null ? null : candidateSentences(filter.accents, lower, starts, ends);
      }
      all = accentMarks;
    } else {
      if (marks === undefined) {
        const lower = filterText(folded);
        marks = lower === null ? null : candidateSentences(filter.all, lower, starts, ends);
      }
      all = marks;
    }
    const first = filter.first.get(c)!;
    return c.patterns.map((_, p) => all?.[first + p] ?? null);
  };
  const siteNames = (context.siteNames ?? []).map(normaliseName).filter(Boolean);
  const out: RawMatch[] = [];
  // Rules that recognise an outlet by an earlier mention run last, once the outlets are known.
  const outlets = new Set<string>();
  for (const pass of [false, true]) {
    for (const c of active) {
      if ((c.rule.whoIs === 'known-outlet') !== pass) continue;
      const kind = c.rule.accentSensitive ? 1 : 0;
      const accept = (who: string | undefined) => {
        if (c.rule.whoIs === 'anyone') return true;
        // A relay that names no outlet (« écrit le journal ») cannot be the site itself.
        if (!who) return c.rule.whoIs === 'other-site';
        const name = normaliseName(who);
        if (c.rule.whoIs === 'known-outlet') return outlets.has(name);
        return (c.rule.whoIs === 'this-site') === siteNames.some((n) => sameName(n, name));
      };
      matchRule(
        c,
        (index) => subject(kind, index),
        folded,
        sentences,
        candidates(c),
        quotes,
        accept,
        (m) => {
          out.push(m);
          if (m.rule.category === 'media-relay' && m.who) outlets.add(normaliseName(m.who));
        },
        article.text,
      );
    }
  }
  // The attribution grammar (analyser/attribution): its rules lend their id and wording to what it finds.
  const grammarRules = new Map<GrammarKind, Rule>();
  for (const { rule } of inLang) if (rule.grammar) grammarRules.set(rule.grammar, rule);
  const additions = [...new Set([...rules.map(({ pack }) => pack), ...(context.packs ?? [])])]
    .map((pack) => pack.lexicon?.[lang])
    .filter((a) => a !== undefined);
  const isThisSite = (name: string) => siteNames.some((n) => sameName(n, normaliseName(name)));
  out.push(...grammarMatches(article.text, folded, sentences, quotes, lang, grammarRules, additions, isThisSite));
  return out;
}

/** A character outside Latin-1: such a text is two-byte, and its sentences are made one-byte one by one. */
const WIDE = /[^\x00-\xff]/;

/**
 * The prefilter of the last rule sets used (a language's built-in rules, plus the reader's): built once each.
 * The words of every pattern are looked for in the folded text, in one pass: a word without accents occurs in the
 * folded text wherever it occurs in the text that keeps them (folding changes no ASCII character and makes none
 * that the lower-casing then turns into one). Only when a rule that keeps accents has a word with a non-ASCII
 * character are its words looked for in its own text.
 */
interface RuleSetFilter {
  all: PatternFilter;
  /** The patterns of the rules that keep accents, when one of their words is not ASCII; else null. */
  accents: PatternFilter | null;
  /** Each rule's first pattern in its filter. */
  first: Map<CompiledRule, number>;
}
const filters: Array<{ rules: CompiledRule[]; filter: RuleSetFilter }> = [];

function filterOf(rules: CompiledRule[]): RuleSetFilter {
  const known = filters.find((f) => f.rules.length === rules.length && f.rules.every((r, i) => r === rules[i]));
  if (known) return known.filter;
  const apart = rules.some((c) => c.rule.accentSensitive && c.needles.some((needles) => needles?.some((n) => /[^\x00-\x7f]/.test(n))));
  const first = new Map<CompiledRule, number>();
  const needles: [Needles[], Needles[]] = [[], []];
  for (const c of rules) {
    const list = needles[apart && c.rule.accentSensitive ? 1 : 0];
    first.set(c, list.length);
    list.push(...c.needles);
  }
  const filter: RuleSetFilter = { all: patternFilter(needles[0]), accents: apart ? patternFilter(needles[1]) : null, first };
  filters.unshift({ rules, filter });
  filters.length = Math.min(filters.length, 4);
  return filter;
}

const PADDING = ' '.repeat(1000);

/**
 * V8 first runs a regular expression in its bytecode interpreter, and compiles it to machine code on the next
 * run, unless the first subject is 1,000 characters long or more. For these large patterns the interpreted
 * detour costs more than the machine code (a first analysis took two to three times longer), so each pattern
 * first runs once over the first 1,000 characters of the text, which compiles it straight away. The same text
 * is used (padded if short) because V8 compiles apart for one-byte and two-byte strings (a later text of the
 * other kind takes the interpreted detour once). Harmless elsewhere.
 */
function prime(re: RegExp, text: string): void {
  re.lastIndex = 0;
  re.exec((text.length >= 1000 ? text : text + PADDING).slice(0, 1000));
}

function matchRule(
  c: CompiledRule,
  /** The text of a sentence, as the rule's patterns read it. */
  subject: (index: number) => string,
  /** The whole folded text: primes the patterns. */
  folded: string,
  sentences: Sentence[],
  /** Per pattern, the sentences it may match in (null: all). */
  candidates: Array<Uint8Array | null>,
  quotes: Array<[number, number]>,
  accept: (who: string | undefined) => boolean,
  emit: (m: RawMatch) => void,
  original: string,
) {
  let count = 0;
  // The sentences any of the rule's patterns may match in (null: all of them).
  let any: Uint8Array | null = null;
  if (candidates.length === 1) any = candidates[0]!;
  else if (candidates.every((marks) => marks)) {
    any = new Uint8Array(sentences.length);
    for (const marks of candidates) for (let k = 0; k < marks!.length; k++) any[k]! |= marks![k]!;
  }
  sentences: for (let index = 0; index < sentences.length; index++) {
    if (any && !any[index]) continue;
    const sentence = sentences[index]!;
    const text = subject(index);
    let sentenceOk: boolean | null = null;
    for (let p = 0; p < c.patterns.length; p++) {
      if (candidates[p] && !candidates[p]![index]) continue;
      const re = c.patterns[p]!;
      if (!c.primed[p]) {
        prime(re, folded);
        c.primed[p] = true;
      }
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const [s, e] = trimSpan(text, m.index, m.index + m[0].length);
        if (e <= s) continue;
        const start = sentence.start + s;
        if (c.rule.inQuotes === 'skip' && inQuote(quotes, start)) continue;
        if (sentenceOk === null) sentenceOk = !c.unless.some((u) => u.test(text));
        if (!sentenceOk) continue sentences;
        const whoAt = m.indices?.groups?.who;
        const who = whoAt ? original.slice(sentence.start + whoAt[0], sentence.start + whoAt[1]).trim() : undefined;
        if (!accept(who)) continue;
        emit({ rule: c.rule, start, end: sentence.start + e, sentence, ...(who ? { who } : {}) });
        // A rule that finds this many markers in one article is misbehaving (or the page is hostile).
        if (++count >= MAX_MATCHES_PER_RULE) return;
      }
    }
  }
}

const normaliseName = (s: string) =>
  fold(s)
    .toLowerCase()
    .replace(/^(?:le|la|les|l'|the)\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
const sameName = (a: string, b: string) => a === b || a.replace(/[\s.'-]/g, '') === b.replace(/[\s.'-]/g, '');

/** Words a pattern may take after its marker to make sure of it (« aurait dépassé les », "according to an investigation by"). */
const TRAILING_WORD = /\s(?:de|du|des|d'|la|le|les|l'|à|a|au|aux|en|et|the|to|of|an|by|par|and|that|que|qu')$/i;

/** Trims spaces and punctuation that a pattern may have taken at either end of a marker, and a last word that only led on. */
function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && /[\s,;:.]/.test(text[s]!)) s++;
  while (e > s && /[\s,;:]/.test(text[e - 1]!)) e--;
  // (The folded text's elisions keep their straight apostrophe: « d' », « l' ».)
  let m: RegExpExecArray | null;
  while ((m = TRAILING_WORD.exec(text.slice(s, e))) && e - m[0].length > s) e -= m[0].length;
  return [s, e];
}

// When two markers overlap, the more specific category stays: a precise attribution over a generic
// "capitalised name + speech verb", an attribution over framing only when they truly overlap.
const PRIORITY: Record<Category, number> = {
  'anonymous-source': 9,
  'self-reference': 8,
  'official-document': 7,
  'media-relay': 6,
  'vague-attribution': 5,
  'named-source': 4,
  'unsourced-certainty': 3,
  'hedged-claim': 2,
  'exclusive-claim': 1,
};
const FRAMING = new Set<Category>(['hedged-claim', 'exclusive-claim', 'unsourced-certainty']);

export function findMarkers(article: ArticleText, lang: Lang, rules: RuleInForce[], context: MatchContext = {}): Finding[] {
  const folded = fold(article.text);
  const matches = resolveOverlaps(rawMatches(article, lang, rules, context, folded));
  const cues = CONTEXT[lang];
  const findings: Finding[] = [];
  let lastSpeaker: string | undefined;
  for (const m of matches) {
    const { rule, sentence } = m;
    let who = m.who;
    if (rule.refersBack) {
      if (!lastSpeaker) continue;
      who = lastSpeaker;
    } else if (rule.category === 'named-source' && who) {
      lastSpeaker = who;
    }
    const sentenceText = folded.slice(sentence.start, sentence.end);
    const qualifiers = new Set<Qualifier>(rule.qualifiers);
    if (m.trace && rule.category === 'anonymous-source') qualifiers.add(m.bare ? 'bare' : 'described');
    if (rule.category === 'anonymous-source') {
      if (cues.reasonForAnonymity.test(sentenceText)) qualifiers.add('reason-given');
      if (cues.corroboration.test(folded.slice(Math.max(sentence.start, m.start - 40), m.end))) qualifiers.add('corroborated');
    }
    if (rule.category === 'exclusive-claim' && isLabelPosition(article, sentence)) qualifiers.add('label');
    findings.push({
      id: '',
      ruleId: rule.id,
      category: rule.category,
      text: article.text.slice(m.start, m.end),
      sentence: article.text.slice(sentence.start, sentence.end),
      start: m.start,
      end: m.end,
      sentenceStart: sentence.start,
      explanation: rule.explanation,
      trainerNote: rule.trainerNote,
      qualifiers: [...qualifiers],
      ...(who ? { who } : {}),
      ...(m.trace ? { trace: m.trace } : {}),
    });
  }
  // An attribution in the sentence of a relay came through that outlet (« a déclaré à l'AFP X »).
  const relaySentences = new Set(findings.filter((f) => f.category === 'media-relay').map((f) => f.sentenceStart));
  for (const f of findings) {
    if (RELAYED.has(f.category) && relaySentences.has(f.sentenceStart) && !f.qualifiers.includes('relayed')) f.qualifiers.push('relayed');
  }
  // A hedge with an attribution in the same sentence is reported speech, not the journalist's own doubt.
  const attributedSentences = new Set(findings.filter((f) => !FRAMING.has(f.category)).map((f) => f.sentenceStart));
  for (const f of findings) {
    if (f.category === 'hedged-claim' && (attributedSentences.has(f.sentenceStart) || cues.attributionCue.test(fold(f.sentence)))) {
      if (!f.qualifiers.includes('attributed')) f.qualifiers.push('attributed');
    }
  }
  // A conditional after a document's verb of providing describes what the text would do (« le texte prévoit que l'agent
  // qui aurait … », "the bill requires that anyone who would…"): the document's words, not the journalist's doubt.
  // (« Selon le document, la colonne aurait… » stays a hedge: the document is cited for an unconfirmed claim.)
  const documentAt = new Map<number, number>();
  for (const m of matches)
    if (m.finding && m.rule.category === 'official-document' && !documentAt.has(m.sentence.start)) documentAt.set(m.sentence.start, m.start);
  const kept = findings.filter((f) => !(f.category === 'hedged-claim' && (documentAt.get(f.sentenceStart) ?? Infinity) < f.start));
  kept.forEach((f, i) => (f.id = `f${i + 1}`));
  return kept;
}

function isLabelPosition(article: ArticleText, sentence: Sentence): boolean {
  if (sentence.blockKind === 'headline' || sentence.blockKind === 'label' || sentence.blockKind === 'standfirst') return true;
  // The first block of a post (a kicker or headline the extractor did not tag).
  const first = article.blocks.findIndex((b) => b.post === sentence.post);
  return first === sentence.block;
}

const RELAYED = new Set<Category>(['named-source', 'anonymous-source']);

/**
 * A relay and a named or anonymous attribution that share words are both reported (the taxonomy's
 * "one phrase, two categories"), unless the "named source" is the outlet itself (« Reuters a révélé »).
 */
function relayOfAnother(relay: RawMatch, other: RawMatch): boolean {
  if (relay.rule.category !== 'media-relay' || !RELAYED.has(other.rule.category)) return false;
  if (!relay.who || !other.who) return true;
  const a = normaliseName(relay.who);
  const b = normaliseName(other.who);
  return !(a.includes(b) || b.includes(a));
}

function namedInDocument(doc: RawMatch, named: RawMatch): boolean {
  if (doc.rule.category !== 'official-document' || named.start >= doc.start) return false;
  // (The grammar's "in a statement" after any speaker it read: "the company's lawyer said in a statement", "according to
  // her lawyers in a court filing", "an aide said in an email".)
  return (named.rule.category === 'named-source' && !!named.who) || (doc.trace?.frame === 'in-document' && !!named.trace && SPEAKERS.has(named.rule.category));
}
// (Not a generic group: "UN experts, in a report published on Monday, condemned" is the report's finding.)
const SPEAKERS = new Set<Category>(['named-source', 'anonymous-source']);

function resolveOverlaps(matches: RawMatch[]): RawMatch[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: RawMatch[] = [];
  for (const m of matches) {
    let keep = true;
    for (let k = kept.length - 1; k >= 0; k--) {
      const o = kept[k]!;
      if (o.end <= m.start) {
        if (m.start - o.end > 400) break;
        continue;
      }
      // Overlap. Framing and attribution markers may share words only when they are the same kind.
      const framingPair = FRAMING.has(o.rule.category) !== FRAMING.has(m.rule.category);
      if (framingPair) continue;
      // « a déclaré à l'AFP Mohamed Bazoum », "a senior official told Reuters": one phrase, two categories.
      if (relayOfAnother(o, m) || relayOfAnother(m, o)) continue;
      // « X, cité dans le communiqué, a souligné »: a named speaker and the document that carries the words.
      if (namedInDocument(o, m) || namedInDocument(m, o)) continue;
      // Of two equal markers, a reader's own rule stays, then the grammar's (it names its frame and lexicon entries).
      const sameSpan = m.start === o.start && m.end === o.end;
      const rank = (x: RawMatch) => (BUILTIN.has(x.rule) ? (x.trace ? 1 : 0) : 2);
      // "Chang told Reuters": two speakers named on either side of one verb. Two readings of the grammar are two
      // markers; otherwise the better-ranked reading stays, not the longer one (the pattern's "told Reuters" is no
      // speaker).
      const nested = (o.start <= m.start && m.end <= o.end) || (m.start <= o.start && o.end <= m.end);
      const twoSpeakers = m.rule.category === o.rule.category && !!m.who && !!o.who && !nested && !sameName(normaliseName(m.who), normaliseName(o.who));
      if (twoSpeakers && m.trace && o.trace) continue;
      const better =
        PRIORITY[m.rule.category] > PRIORITY[o.rule.category] ||
        (twoSpeakers && rank(m) !== rank(o)
          ? rank(m) > rank(o)
          : m.rule.category === o.rule.category && (m.end - m.start > o.end - o.start || (sameSpan && rank(m) > rank(o))));
      if (better) kept.splice(k, 1);
      else keep = false;
      if (!keep) break;
    }
    if (keep) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}
