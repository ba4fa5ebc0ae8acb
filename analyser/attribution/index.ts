// The attribution grammar's pass over an article: tokens per sentence (only where a cue may stand), the frames,
// then one finding per attribution under the built-in (or the reader's) rule for its source's kind. Which rule a
// kind maps to is data too: a rule with `grammar: "anonymous"` lends its id, weight and wording to the anonymous
// sources the grammar finds, and turning that rule off turns them off.
import type { Sentence } from '../segment';
import { inQuote } from '../segment';
import type { Lang } from '../taxonomy';
import type { Rule } from '../../rules/schema';
import type { RawMatch } from '../engine';
import { FrameReader, type Attribution, type FrameId } from './frames';
import { lexiconFor, type Lexicon, type LexiconAdditions } from './lexicon';
import type { SourceKind, SourceReader } from './source';
import { tokenize, type Token } from './tokens';

import type { GrammarKind } from './kinds';

export { GRAMMAR_KINDS, type GrammarKind } from './kinds';

const KIND_OF: Record<SourceKind, GrammarKind> = {
  person: 'named',
  organisation: 'named',
  role: 'named',
  pronoun: 'refers-back',
  anonymous: 'anonymous',
  vague: 'vague',
  outlet: 'relay',
  document: 'document',
};

/** How a grammar finding came about: the frame, the cue's lexicon entry and the entry that decided the source's kind. */
export interface Trace {
  frame: FrameId;
  cue: string;
  source?: string;
}

/** Whether a name is the page's own outlet (self-reference rather than relay). */
export type IsThisSite = (name: string) => boolean;

export function grammarMatches(
  text: string,
  folded: string,
  sentences: readonly Sentence[],
  quotes: Array<[number, number]>,
  lang: Lang,
  rules: ReadonlyMap<GrammarKind, Rule>,
  additions: readonly LexiconAdditions[],
  isThisSite: IsThisSite,
): RawMatch[] {
  if (!rules.size) return [];
  const lex = lexiconFor(lang, additions);
  const out: RawMatch[] = [];
  const knownOutlets = new Set<string>();
  const knownSpeakers = new Set<string>();
  // "Graham: Trump's remarks are hateful": a heading's name and colon, kept until the article shows whether it quotes
  // that person.
  const headings: Array<{ sentence: Sentence; tokens: Token[]; heading: Attribution; r: SourceReader }> = [];
  for (const sentence of sentences) {
    const tokens = tokenize(folded, 0, lex.keepsStop, lang === 'fr' ? text : undefined, lex.index, sentence.start, sentence.end);
    rememberSurnames(tokens, lex, knownSpeakers);
    if (!mayHoldCue(tokens)) continue;
    const reader = new FrameReader(lex, tokens, knownOutlets, knownSpeakers);
    const attributions = reader.read();
    for (const a of attributions) {
      if (a.source.kind === 'outlet' && a.source.name) knownOutlets.add(reader.r.keyOf(a.source.name[0], a.source.name[1]));
      if (a.source.kind === 'person' && a.source.name) for (let t = a.source.name[0]; t < a.source.name[1]; t++) knownSpeakers.add(tokens[t]!.key);
    }
    const heading = attributions.length ? null : reader.heading();
    // A person's name before a colon may be a topic ("Zimbabwe: …"), kept once the article quotes that person (below); a
    // document, an outlet or a body (HEADING_SOURCES: "Poll: Trump ties Clinton") heads what it says, in the headline.
    if (heading?.source.kind === 'person') headings.push({ sentence, tokens, heading, r: reader.r });
    else if (heading && sentence.blockKind === 'headline') emit([heading], tokens, sentence, reader.r);
    emit(dedupe(attributions), tokens, sentence, reader.r);
  }
  for (const { sentence, tokens, heading, r } of headings) {
    const [from, to] = heading.source.name!;
    let quoted = false;
    for (let t = from; t < to; t++) if (knownSpeakers.has(tokens[t]!.key)) quoted = true;
    if (quoted) emit([heading], tokens, sentence, r);
  }
  return out;

  function emit(attributions: Attribution[], tokens: Token[], sentence: Sentence, r: SourceReader) {
    for (const a of attributions) {
      const cue = tokens[a.cueAt]!;
      let kind = KIND_OF[a.source.kind];
      const name = a.source.name ? text.slice(tokens[a.source.name[0]]!.start, tokens[a.source.name[1] - 1]!.end) : undefined;
      if (kind === 'relay' && name && isThisSite(name)) {
        // "X told Axios" on axios.com: the outlet's own interview, its own reporting (the taxonomy), not a relay; the
        // speaker's finding stands. The site as the speaker (« Algérie Part avait révélé ») or as the place of words
        // whose speaker the sentence does not name ("a decision he disclosed in an interview with POLITICO") refers to
        // itself.
        if (a.frame === 'relay-complement' && attributions.some((b) => b.source.kind !== 'outlet' && b.source.kind !== 'pronoun')) continue;
        kind = 'self';
      }
      // "sources said", with nothing about who they are, weighs more than a described source (its own rule).
      if (kind === 'anonymous' && a.source.bare && rules.has('anonymous-bare')) kind = 'anonymous-bare';
      const rule = rules.get(kind);
      if (!rule) continue;
      // A back-reference ("he said", « a-t-il ajouté ») is a finding when it brings words: a quotation in its sentence,
      // or "that" / « que », a colon after its verb. ("He was referring to", « Elle appelle à » are acts of the speaker,
      // not more of their words.)
      if (kind === 'refers-back' && a.frame !== 'inverted' && !bringsWords(tokens, a, r)) continue;
      // Speech inside a quotation is the speaker's words (their "some people say"), unless the rule attributes the
      // quotation itself (a named speaker, whose quotes run over several paragraphs).
      const verbFrame = a.frame === 'subject-cue' || a.frame === 'apposition' || a.frame === 'inverted';
      if ((rule.inQuotes === 'skip' || !verbFrame) && a.frame !== 'inverted' && inQuote(quotes, cue.start)) continue;
      const start = tokens[a.start]!.start;
      const end = tokens[a.end - 1]!.end;
      // The source shown to the reader is a name (a person, an organisation, an outlet); a described or generic source
      // ("a senior official", « les militants ») is already the highlighted marker.
      const who = kind === 'refers-back' ? undefined : name;
      out.push({
        rule,
        start,
        end,
        sentence,
        ...(who ? { who } : {}),
        trace: { frame: a.frame, cue: a.cue, ...(a.source.entry ? { source: `${a.source.list}: ${a.source.entry}` } : {}) },
        ...(a.source.bare ? { bare: true } : {}),
        ...(lex.verbs.get(cue.key)?.some((s) => s.cls === 'finding') ? { finding: true } : {}),
      });
    }
  }
}

/**
 * Whether the attribution's sentence quotes words, or its verb is followed by what was said: "that", « que », a colon,
 * or a clause's subject ("he said the plan", « il estime les risques »).
 */
function bringsWords(tokens: Token[], a: Attribution, r: SourceReader): boolean {
  if (tokens.some((t) => t.key === '"')) return true;
  let next = a.end;
  while (next < tokens.length && r.isAdverb(next)) next++;
  return WORDS_FOLLOW.has(tokens[next]?.key ?? '') || (r.opensSubject(next) && !OBJECT_PRONOUNS.has(tokens[next]!.key));
}
const WORDS_FOLLOW = new Set(['that', 'que', "qu'", ':']);
const OBJECT_PRONOUNS = new Set(['it', 'him', 'her', 'me', 'us', 'them', 'you', 'le', 'la', 'les', "l'", 'lui', 'leur']);

/**
 * "Michael Bloomberg": a one-word outlet's name after a first name is a person's surname, and "Bloomberg said" further on
 * is that person speaking, not the agency. (Not "the New York Times": a longer outlet's name holds the pair.)
 */
function rememberSurnames(tokens: Token[], lex: Lexicon, knownSpeakers: Set<string>) {
  const outlets = lex.lists.outlets;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.cap || !outlets.has(t.key)) continue;
    const before = tokens[i - 1]!;
    if (!before.cap || !before.word || lex.lists['not-names'].has(before.key) || lex.lists['determiners-definite'].has(before.key)) continue;
    const longer = [i - 1, i - 2, i - 3].some((k) => k >= 0 && (outlets.at(tokens, k)?.length ?? 0) > i - k);
    if (!longer && !outlets.has(before.key)) knownSpeakers.add(t.key);
  }
}

/** A sentence is read only when it holds a cue word, a document, an outlet or a colon; most sentences of an article hold none. */
function mayHoldCue(tokens: Token[]): boolean {
  for (const t of tokens) if (t.entries!.trigger) return true;
  return false;
}

/** Two frames reading the same words (a cue phrase and a verb inside it): the longer marker stays. */
function dedupe(list: Attribution[]): Attribution[] {
  const sorted = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Attribution[] = [];
  for (const a of sorted) {
    const same = kept.find((k) => k.start <= a.start && a.end <= k.end && k.source.kind === a.source.kind);
    if (!same) kept.push(a);
  }
  return kept;
}
