// Regular expressions written by users (options page, imported packs) are untrusted: a pattern
// such as `(a+)+$` can backtrack catastrophically and freeze the page it runs on. Before a user
// pattern is saved it must pass redos-detector (a maintained static checker, not a home-made
// heuristic) and stay under a length cap. A user's unchanged copy of a built-in pattern skips both: built-in
// patterns are reviewed and run on hostile sentences instead (tests/safety-builtin.test.ts), see unsafePatternProblem.
//
// This module is only imported where rules are written (options page, CLI checks, tests), not by
// the content script: the checker weighs ~70 kB and the content script reads packs that were
// checked when they were saved.
import { isSafePattern, type RedosDetectorResult } from 'redos-detector';
import * as z from 'zod/mini';
import { describePackErrors, expandVocabulary, packSchema, type PackResult, type RulePack } from './schema';
import { fold } from '../analyser/text';
import { builtinPacks } from './builtin';

/** Longest pattern a user may write, before `{{vocabulary}}` expansion (characters). */
export const MAX_PATTERN_LENGTH = 500;
/**
 * Longest pattern once vocabulary entries are expanded (characters). The checker enumerates paths:
 * on much longer patterns it runs out of time (or memory) before it can prove anything.
 */
export const MAX_EXPANDED_PATTERN_LENGTH = 1500;
/** Highest redos-detector score accepted: the most ways one input can be matched, i.e. backtracking work. */
export const MAX_BACKTRACK_SCORE = 200;
/** Time the checker may spend on one pattern; a pattern it cannot prove safe in time is refused. */
export const CHECK_TIMEOUT_MS = 1000;

export type PatternSafety = { safe: true } | { safe: false; reason: 'too-long' | 'catastrophic' | 'too-complex' | 'unsupported'; message: string };

const cache = new Map<string, PatternSafety>();

/**
 * redos-detector's parser does not read named groups: `(?<who>…)` becomes a plain group and
 * `\k<who>` the numbered back-reference to it. Lookbehinds (`(?<=`, `(?<!`) are kept.
 */
export function withoutGroupNames(source: string): string {
  const names: string[] = [];
  let groups = 0;
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const named = inClass ? null : /^\\k<([A-Za-z_$][\w$]*)>/.exec(source.slice(i));
      if (named) {
        // Back-references can point forward in JS; resolve after the walk.
        out += `\\k<${named[1]}>`;
        i += named[0].length - 1;
      } else {
        out += source.slice(i, i + 2);
        i++;
      }
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      continue;
    }
    if (c === '(') {
      const name = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(source.slice(i));
      if (name) {
        groups++;
        names[groups] = name[1]!;
        out += '(';
        i += name[0].length - 1;
        continue;
      }
      if (source[i + 1] !== '?') groups++;
    }
    out += c;
  }
  return out.replace(/\\k<([A-Za-z_$][\w$]*)>/g, (whole, name: string) => {
    const index = names.indexOf(name);
    return index > 0 ? `\\${index}` : whole;
  });
}

// redos-detector treats Unicode property escapes as "any character", so `[\p{L}'-]+ ` looks as if
// the letters could also match the space and the pattern is refused. For the check only, the
// common letter and digit properties are replaced by Latin ranges with the same structure
// (letters never match spaces or punctuation).
const PROPERTY_RANGES: Record<string, string> = {
  L: 'a-zA-Z\\u00c0-\\u024f',
  Letter: 'a-zA-Z\\u00c0-\\u024f',
  Alphabetic: 'a-zA-Z\\u00c0-\\u024f',
  Lu: 'A-Z\\u00c0-\\u00de',
  Uppercase_Letter: 'A-Z\\u00c0-\\u00de',
  Ll: 'a-z\\u00df-\\u00ff',
  Lowercase_Letter: 'a-z\\u00df-\\u00ff',
  N: '0-9',
  Nd: '0-9',
};

/** The pattern as redos-detector can read it: no group names, common Unicode properties as ranges. */
export function forChecker(source: string): string {
  const plain = factorWordLists(withoutGroupNames(source));
  let out = '';
  let inClass = false;
  for (let i = 0; i < plain.length; i++) {
    const c = plain[i]!;
    if (c === '\\') {
      const prop = /^\\([pP])\{([A-Za-z_]+)\}/.exec(plain.slice(i));
      const range = prop ? PROPERTY_RANGES[prop[2]!] : undefined;
      if (prop && range && (prop[1] === 'p' || !inClass)) {
        out += inClass ? range : prop[1] === 'p' ? `[${range}]` : `[^${range}]`;
        i += prop[0].length - 1;
      } else {
        out += plain.slice(i, i + 2);
        i++;
      }
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return out;
}

const META = new Set(['(', ')', '[', ']', '{', '}', '*', '+', '?', '.', '^', '$', '|', '\\']);

/** A pure literal alternative as tokens (one per character, escapes kept), or null. */
function literalTokens(alternative: string): string[] | null {
  const tokens: string[] = [];
  for (let i = 0; i < alternative.length; i++) {
    const c = alternative[i]!;
    if (c === '\\') {
      const next = alternative[i + 1];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return null; // \b, \w, \d, \1…
      tokens.push(c + next);
      i++;
    } else if (META.has(c)) return null;
    else tokens.push(c);
  }
  return tokens;
}

interface Trie {
  end: boolean;
  next: Map<string, Trie>;
}

function trieSource(node: Trie): string {
  const parts = [...node.next].map(([token, child]) => token + trieSource(child));
  if (node.end && parts.length) parts.push('');
  if (parts.length === 0) return '';
  return parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
}

/**
 * Long word lists (`(?:estiment|pensent|jugent|…)`, vocabularies) make redos-detector enumerate
 * every alternative and give up, although a list of distinct words never backtracks
 * catastrophically. For the check only, a group whose alternatives are all plain words is
 * rewritten as the same words factored by common prefix (same language, one path per text).
 * A word listed twice (`(a|a)+`, or twice up to case) is the classic catastrophe and stays as is.
 */
export function factorWordLists(source: string): string {
  // Innermost groups first: a stack of group start offsets in `out`.
  let out = '';
  const stack: number[] = [];
  let inClass = false;
  const factorFrom = (start: number, end: number): string | null => {
    const body = out.slice(start, end);
    const alternatives = splitTopLevel(body);
    if (alternatives.length < 2) return null;
    const words = alternatives.map(literalTokens);
    if (words.some((w) => w === null)) return null;
    const seen = new Set(words.map((w) => w!.join('').toLowerCase()));
    if (seen.size !== words.length) return null;
    const root: Trie = { end: false, next: new Map() };
    for (const word of words) {
      let node = root;
      for (const token of word!) {
        const key = token.toLowerCase();
        let child = node.next.get(key);
        if (!child) node.next.set(key, (child = { end: false, next: new Map() }));
        node = child;
      }
      node.end = true;
    }
    return trieSource(root);
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') inClass = true;
    if (c === '(') {
      const opener = /^\((?:\?(?::|<?[=!]))?/.exec(source.slice(i))![0];
      out += opener;
      i += opener.length - 1;
      // Lookarounds are left alone: only plain groups are rewritten.
      stack.push(opener === '(' || opener === '(?:' ? out.length : -1);
      continue;
    }
    if (c === ')') {
      const start = stack.pop();
      if (start !== undefined && start >= 0) {
        const factored = factorFrom(start, out.length);
        if (factored !== null) out = out.slice(0, start) + factored;
      }
    }
    out += c;
  }
  if (stack.length === 0) {
    const whole = factorFrom(0, out.length);
    if (whole !== null) return whole;
  }
  return out;
}

/** Splits a group body at its top-level `|`. */
function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let last = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(body.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(body.slice(last));
  return parts;
}

/** The parts of the pattern that can match the same text in two ways, from the checker's first trail. */
function overlappingParts(result: RedosDetectorResult): string[] {
  const trail = result.trails[0]?.trail ?? [];
  const parts = new Set<string>();
  for (const step of trail) {
    parts.add(step.a.node.source);
    parts.add(step.b.node.source);
    if (parts.size >= 3) break;
  }
  return [...parts];
}

/**
 * Whether an expanded pattern (vocabulary already substituted) is safe to run on any page text.
 * Results are cached: the options page checks on every keystroke and most patterns repeat.
 */
export function checkPatternSafety(expanded: string): PatternSafety {
  const cached = cache.get(expanded);
  if (cached) return cached;
  const verdict = computeSafety(expanded);
  if (cache.size > 500) cache.clear();
  cache.set(expanded, verdict);
  return verdict;
}

function computeSafety(expanded: string): PatternSafety {
  if (expanded.length > MAX_EXPANDED_PATTERN_LENGTH) {
    return {
      safe: false,
      reason: 'too-long',
      message: `pattern too long once vocabulary is expanded (${expanded.length} characters, at most ${MAX_EXPANDED_PATTERN_LENGTH})`,
    };
  }
  let result: RedosDetectorResult;
  try {
    // The analyser compiles with `u` (and `i` unless caseSensitive); redos-detector cannot combine
    // `i` with `u`, and case folding rarely changes whether alternatives overlap.
    // Anchored: the engine runs each pattern over one sentence at a time, trying each start
    // position, so what must stay bounded is the backtracking from one start position. (Checked
    // unanchored, redos-detector counts the scan over start positions too and refuses `\w+ said`.)
    result = isSafePattern(`^(?:${forChecker(expanded)})`, {
      unicode: true,
      maxScore: MAX_BACKTRACK_SCORE,
      timeout: CHECK_TIMEOUT_MS,
    });
  } catch (e) {
    return {
      safe: false,
      reason: 'unsupported',
      message: `the safety checker cannot read this pattern (${(e as Error).message.split('\n')[0]}); simplify it`,
    };
  }
  if (result.safe) return { safe: true };
  const parts = overlappingParts(result)
    .map((p) => `\`${p}\``)
    .join(', ');
  // Out of time or steps is not proof of danger, but nothing was proven safe either: refused.
  if (result.error === 'timedOut' || result.error === 'hitMaxSteps') {
    return {
      safe: false,
      reason: 'too-complex',
      message: 'pattern too complex to prove safe in time; split it into several shorter patterns',
    };
  }
  return {
    safe: false,
    reason: 'catastrophic',
    message:
      `this pattern can backtrack catastrophically and freeze the page: the same text can be matched in many ways` +
      (parts ? ` (by ${parts})` : '') +
      `. Avoid nested or adjacent repetitions that can match the same characters, e.g. write \\w+(?:\\s\\w+)* instead of (\\w+\\s?)*`,
  };
}

let builtinSet: Set<string> | null = null;
function builtinCompiled(): Set<string> {
  builtinSet ??= new Set(
    builtinPacks.flatMap((pack) => pack.rules.flatMap((rule) => [...rule.patterns, ...rule.unless].map((p) => fold(expandVocabulary(p, pack.vocabulary))))),
  );
  return builtinSet;
}

/**
 * Why a user pattern (before vocabulary expansion) cannot be saved, or null. Assumes `patternProblem` passed.
 *
 * The length caps and the checker are one safety check: the caps only keep the checker's work bounded, so that it
 * can prove a pattern safe in time. A pattern that compiles to a built-in one (a copy that starts an override, with
 * the built-in pack's vocabulary it uses, renamed or not) was not written by the user: it is reviewed code, already
 * run on every page and proven linear on hostile sentences (tests/safety-builtin.test.ts), whereas the checker cannot
 * prove the longest built-in patterns safe in time. So it skips the whole check, caps included; the moment one
 * character of it changes, it is the user's pattern and goes through all of it.
 */
export function unsafePatternProblem(source: string, vocabulary: Record<string, string>): string | null {
  let expanded: string | null;
  try {
    expanded = expandVocabulary(source, vocabulary);
  } catch {
    expanded = null; // an unknown entry or a loop: reported by patternProblem
  }
  // Checked as the engine compiles it: vocabulary expanded, then folded.
  const compiled = expanded === null ? null : fold(expanded);
  if (compiled !== null && builtinCompiled().has(compiled)) return null;
  if (source.length > MAX_PATTERN_LENGTH) {
    return `pattern too long (${source.length} characters, at most ${MAX_PATTERN_LENGTH})`;
  }
  if (compiled === null) return null;
  const verdict = checkPatternSafety(compiled);
  return verdict.safe ? null : verdict.message;
}

/**
 * The pack schema with the safety refinement: every pattern and `unless` pattern of every rule
 * must be safe to run. Used for user packs (saving, importing) and, in tests, for built-in packs.
 */
export const userPackSchema = packSchema.check(
  z.superRefine((pack, ctx) => {
    pack.rules.forEach((rule, i) => {
      for (const field of ['patterns', 'unless'] as const) {
        rule[field].forEach((source, j) => {
          const problem = unsafePatternProblem(source, pack.vocabulary);
          if (problem) ctx.addIssue({ code: 'custom', path: ['rules', i, field, j], message: problem });
        });
      }
    });
  }),
);

/** Like `parsePack`, and also refuses unsafe patterns: what user packs go through. */
export function parseUserPack(input: unknown): PackResult {
  const result = userPackSchema.safeParse(input);
  return result.success ? { ok: true, pack: result.data as RulePack } : { ok: false, errors: describePackErrors(result.error, input) };
}
