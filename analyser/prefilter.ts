// A cheap, exact prefilter for the rule patterns. Running ~100 large case-insensitive Unicode regular expressions
// over every sentence is what the analysis spends its time on, and compiling them is most of a first analysis.
// Most patterns need one of a few plain words (« selon », a speech verb, « sources »): a sentence that contains
// none of them cannot match, so the pattern is not run there, and a pattern that no sentence can match is
// never even compiled. The words are read from the pattern itself, conservatively: whenever a construct is not
// understood, the pattern gets no filter and runs everywhere, as before.

/** At least one of these (lower-cased) strings occurs in any match of the pattern; null: nothing is known. */
export type Needles = string[] | null;

class Unsupported extends Error {}

/** The literal words one of which every match of `source` contains (lower-cased), or null. */
export function requiredLiterals(source: string, flags: string): Needles {
  try {
    const parser = new Parser(source, flags.includes('i'));
    const needles = parser.alternation();
    if (parser.i !== source.length) return null;
    return needles && simplify(needles);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

/** Needles shorter than this are in nearly every sentence: looking for them costs more than it saves. */
const SHORTEST_USEFUL = 3;

/** Drops needles that contain another needle (any text with the longer one has the shorter one). */
function simplify(needles: string[]): Needles {
  const unique = [...new Set(needles)].sort((a, b) => a.length - b.length);
  if (unique.length === 0 || unique[0]!.length < SHORTEST_USEFUL) return null;
  const kept: string[] = [];
  for (const n of unique) if (!kept.some((k) => n.includes(k))) kept.push(n);
  return kept;
}

/** The better of two necessary conditions: longer shortest needle (rarer), then fewer needles. */
function better(a: string[], b: string[]): string[] {
  const min = (x: string[]) => Math.min(...x.map((s) => s.length));
  if (min(a) !== min(b)) return min(a) > min(b) ? a : b;
  return a.length <= b.length ? a : b;
}

type Atom = { kind: 'char'; ch: string } | { kind: 'group'; needles: Needles } | { kind: 'other' };

class Parser {
  i = 0;
  constructor(
    private readonly s: string,
    private readonly ignoreCase: boolean,
  ) {}

  alternation(): Needles {
    const branches: Needles[] = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    if (branches.some((b) => b === null)) return null;
    return branches.flat() as string[];
  }

  private sequence(): Needles {
    let best: string[] | null = null;
    let run = '';
    const flush = () => {
      if (run) best = best ? better(best, [run]) : [run];
      run = '';
    };
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.atom();
      const min = this.quantifier();
      if (atom.kind === 'char') {
        if (min === null) run += atom.ch;
        else {
          // Repeated: one copy is certain, what follows it is not adjacent to the run any more.
          if (min >= 1) run += atom.ch;
          flush();
        }
      } else {
        flush();
        if (atom.kind === 'group' && atom.needles && (min === null || min >= 1)) best = best ? better(best, atom.needles) : atom.needles;
      }
    }
    flush();
    return best;
  }

  /** The minimum count of a quantifier after an atom, or null when there is none. */
  private quantifier(): number | null {
    const ch = this.s[this.i];
    let min: number | null = null;
    if (ch === '?' || ch === '*') min = 0;
    else if (ch === '+') min = 1;
    else if (ch === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) throw new Unsupported();
      this.i += m[0].length - 1;
      min = Number(m[1]);
    }
    if (min === null) return null;
    this.i++;
    if (this.s[this.i] === '?') this.i++; // lazy
    return min;
  }

  private atom(): Atom {
    const ch = this.s[this.i]!;
    if (ch === '(') return this.group();
    if (ch === '[') {
      this.skipClass();
      return { kind: 'other' };
    }
    if (ch === '\\') return this.escape();
    this.i++;
    if (ch === '.' || ch === '^' || ch === '$') return { kind: 'other' };
    if ('*+?{}]'.includes(ch)) throw new Unsupported();
    return this.char(ch);
  }

  private char(ch: string): Atom {
    // Under /i a non-ASCII letter may match characters that lower-casing does not bring together: no guess.
    if (this.ignoreCase && ch.charCodeAt(0) > 0x7f) return { kind: 'other' };
    const lower = ch.toLowerCase();
    return lower.length === 1 ? { kind: 'char', ch: lower } : { kind: 'other' };
  }

  private group(): Atom {
    this.i++; // (
    let lookaround = false;
    if (this.s[this.i] === '?') {
      const rest = this.s.slice(this.i + 1);
      if (rest.startsWith(':')) this.i += 2;
      else if (rest.startsWith('=') || rest.startsWith('!')) {
        lookaround = true;
        this.i += 2;
      } else if (rest.startsWith('<=') || rest.startsWith('<!')) {
        lookaround = true;
        this.i += 3;
      } else {
        const named = /^<[A-Za-z_$][\w$]*>/.exec(rest);
        if (!named) throw new Unsupported(); // modifiers and anything newer: not understood
        this.i += 1 + named[0].length;
      }
    }
    const needles = this.alternation();
    if (this.s[this.i] !== ')') throw new Unsupported();
    this.i++;
    // A lookaround consumes nothing: what it needs is not part of the match.
    return lookaround ? { kind: 'other' } : { kind: 'group', needles };
  }

  private skipClass(): void {
    this.i++; // [
    while (this.i < this.s.length && this.s[this.i] !== ']') this.i += this.s[this.i] === '\\' ? 2 : 1;
    if (this.s[this.i] !== ']') throw new Unsupported();
    this.i++;
  }

  private escape(): Atom {
    const next = this.s[this.i + 1];
    if (next === undefined) throw new Unsupported();
    this.i += 2;
    if (next === 'p' || next === 'P' || (next === 'u' && this.s[this.i] === '{')) {
      const close = this.s.indexOf('}', this.i);
      if (this.s[this.i] !== '{' || close < 0) throw new Unsupported();
      this.i = close + 1;
      return { kind: 'other' };
    }
    if (next === 'k') {
      const close = this.s.indexOf('>', this.i);
      if (close < 0) throw new Unsupported();
      this.i = close + 1;
      return { kind: 'other' };
    }
    if (next === 'u') {
      this.i += 4;
      return { kind: 'other' };
    }
    if (next === 'x') {
      this.i += 2;
      return { kind: 'other' };
    }
    if (next === 'c') {
      this.i += 1;
      return { kind: 'other' };
    }
    if (/[0-9]/.test(next)) {
      while (/[0-9]/.test(this.s[this.i] ?? '')) this.i++;
      return { kind: 'other' };
    }
    // Classes (\d \w \s…), assertions (\b \B) and control characters (\n \t…).
    if (/[A-Za-z]/.test(next)) return { kind: 'other' };
    // An escaped punctuation mark stands for itself (\. \- \( \').
    return this.char(next);
  }
}

/**
 * All the needles of a rule set in one Aho-Corasick automaton: one pass over the text finds every occurrence of
 * every needle (overlapping ones too), so the cost does not grow with the number of needles. The automaton is a
 * complete table over a small alphabet: the characters the needles use, plus one class for every other character
 * (which no needle can span, so it leads back to the start). A step is two array reads.
 */
export class NeedleIndex {
  readonly lengths: Int32Array;
  /** Character code → class (0: a character no needle contains). */
  readonly classOf: Uint8Array | Uint16Array;
  /** Number of classes, the width of a row of `delta`. */
  readonly width: number;
  /** Complete transitions (failure links folded in): state * width + class. Small, so that it stays in cache. */
  readonly delta: Uint16Array | Int32Array;
  /** 1 for the states where a needle ends. */
  readonly final: Uint8Array;
  /** Needle ids that end at each state, through its failure links too (null: none). */
  readonly outputs: Array<number[] | null>;

  constructor(readonly needles: string[]) {
    this.lengths = Int32Array.from(needles, (n) => n.length);
    const codes = new Map<number, number>();
    for (const needle of needles) for (let i = 0; i < needle.length; i++) if (!codes.has(needle.charCodeAt(i))) codes.set(needle.charCodeAt(i), codes.size + 1);
    const width = codes.size + 1;
    const classOf = width <= 0xff ? new Uint8Array(0x10000) : new Uint16Array(0x10000);
    for (const [code, cls] of codes) classOf[code] = cls;
    const children: Array<Map<number, number>> = [new Map()];
    const ends: number[][] = [[]];
    needles.forEach((needle, id) => {
      let state = 0;
      for (let i = 0; i < needle.length; i++) {
        const cls = classOf[needle.charCodeAt(i)]!;
        let next = children[state]!.get(cls);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          ends.push([]);
          children[state]!.set(cls, next);
        }
        state = next;
      }
      ends[state]!.push(id);
    });
    const fail = new Int32Array(children.length);
    const delta = new Int32Array(children.length * width);
    const outputs: number[][] = ends.map((e) => [...e]);
    // Breadth first, so that a state's failure target is complete before the state is.
    const queue: number[] = [0];
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q]!;
      if (state !== 0) outputs[state]!.push(...outputs[fail[state]!]!);
      for (let cls = 1; cls < width; cls++) {
        const child = children[state]!.get(cls);
        if (child !== undefined) delta[state * width + cls] = child;
        else delta[state * width + cls] = state === 0 ? 0 : delta[fail[state]! * width + cls]!;
      }
      for (const [cls, child] of children[state]!) {
        fail[child] = state === 0 ? 0 : delta[fail[state]! * width + cls]!;
        queue.push(child);
      }
    }
    this.classOf = classOf;
    this.width = width;
    this.delta = children.length <= 0xffff ? Uint16Array.from(delta) : delta;
    this.outputs = outputs.map((o) => (o.length ? o : null));
    this.final = Uint8Array.from(outputs, (o) => (o.length ? 1 : 0));
  }

  /** Calls `hit(needleId, start, end)` for every occurrence of every needle in `text`, by increasing end. */
  scan(text: string, hit: (id: number, start: number, end: number) => void): void {
    const { outputs, lengths } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = this.next(state, text.charCodeAt(i));
      const out = outputs[state];
      if (out) for (const id of out) hit(id, i + 1 - lengths[id]!, i + 1);
    }
  }

  next(state: number, code: number): number {
    return this.delta[state * this.width + this.classOf[code]!]!;
  }

  length(id: number): number {
    return this.lengths[id]!;
  }
}

/**
 * For patterns given as lists of needle ids (null: no filter), the sentences each may match in: those that
 * contain one of its needles entirely. `lower` is the lower-cased text (same offsets as the sentences').
 */
export function candidateSentences({ index, ids, slotsOf }: PatternFilter, lower: string, starts: Int32Array, ends: Int32Array): Array<Uint8Array | null> {
  // One buffer for all the marks (one row of sentences per filtered pattern).
  const buffer = new Uint8Array(starts.length * ids.reduce((n, needles) => n + (needles ? 1 : 0), 0));
  let row = 0;
  const marks = ids.map((needles) => (needles ? buffer.subarray(starts.length * row, starts.length * ++row) : null));
  const lastSentence = new Int32Array(index.needles.length).fill(-1);
  // The scan, inlined: it runs on every character of every analysed text.
  const { outputs, delta, width, classOf, lengths, final } = index;
  let k = 0;
  let state = 0;
  for (let i = 0; i < lower.length; i++) {
    state = delta[state * width + classOf[lower.charCodeAt(i)]!]!;
    if (final[state] === 0) continue;
    const out = outputs[state]!;
    const end = i + 1;
    while (k < ends.length && ends[k]! < end) k++;
    if (k >= ends.length) break;
    for (let o = 0; o < out.length; o++) {
      const id = out[o]!;
      if (starts[k]! > end - lengths[id]! || lastSentence[id] === k) continue;
      lastSentence[id] = k;
      const slots = slotsOf[id]!;
      for (let s = 0; s < slots.length; s++) marks[slots[s]!]![k] = 1;
    }
  }
  return marks;
}

/**
 * The text a filter searches: lower-cased like the needles, with « ſ » and « ı », which case-insensitive patterns
 * match as "s" and "i", written so.
 * Null when lower-casing would change the length (offsets would no longer be the sentences'): no filtering then.
 */
export function filterText(text: string): string | null {
  const lower = text
    .toLowerCase()
    .replace(/\u017f/g, 's')
    .replace(/\u0131/g, 'i');
  return lower.length === text.length ? lower : null;
}

/** The needles of a list of patterns, numbered, in one index. */
export interface PatternFilter {
  index: NeedleIndex;
  /** Per pattern, its needles' ids (null: the pattern has no filter). */
  ids: Array<number[] | null>;
  /** Per needle, the patterns it filters. */
  slotsOf: Int32Array[];
}

export function patternFilter(patterns: Needles[]): PatternFilter {
  const numbers = new Map<string, number>();
  const ids = patterns.map((needles) =>
    needles
      ? needles.map((n) => {
          let id = numbers.get(n);
          if (id === undefined) numbers.set(n, (id = numbers.size));
          return id;
        })
      : null,
  );
  const slotsOf: number[][] = [...numbers.keys()].map(() => []);
  ids.forEach((needleIds, slot) => needleIds?.forEach((id) => slotsOf[id]!.push(slot)));
  return { index: new NeedleIndex([...numbers.keys()]), ids, slotsOf: slotsOf.map((s) => Int32Array.from(s)) };
}
