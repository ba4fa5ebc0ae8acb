// The queries of a page's metadata that read the whole page (querySelectorAll of JSON-LD <script>, <meta>, microdata,
// links with a rel, <time>), answered from one. In linkedom (the CLI, the tests, the benchmark) each such query walks
// the whole page, about 0.2 ms for 200 KB, and reading a page's signals asked up to nine; in a browser one costs what
// each did. (A querySelector stops at its first match, which metadata has near the top of the page: those stay as
// they are.)

/** A selector this module answers: a type, an attribute test, or both, possibly several separated by commas. */
interface SimpleSelector {
  tag: string | null;
  attribute: string | null;
  /** Lower-cased: the attribute's value, lower-cased, contains it whenever the selector matches. */
  value: string;
}

const SIMPLE = /^([a-z][a-z0-9]*)?(?:\[([a-z][a-z:-]*)(?:~?="([^"]*)"(?: i)?)?\])?$/;
const parsed = new Map<string, SimpleSelector[]>();

function parse(selector: string): SimpleSelector[] {
  let parts = parsed.get(selector);
  if (parts) return parts;
  parts = selector.split(',').map((part) => {
    const m = SIMPLE.exec(part.trim());
    if (!m || (!m[1] && !m[2])) throw new Error(`not a simple selector: ${selector}`);
    return { tag: m[1] ?? null, attribute: m[2] ?? null, value: (m[3] ?? '').toLowerCase() };
  });
  parsed.set(selector, parts);
  return parts;
}

/**
 * One querySelectorAll's elements (`gather`, a selector list), answering the querySelectorAll whose matches it holds. An element answers
 * a selector when a cheap test says it may (its tag, the attribute's value holding the selector's, case aside) and
 * the engine's own `matches` says it does: the answers are the elements, in document order, that querying the page
 * with the selector would give, whatever the engine's rules for case or white space.
 */
export class MetadataElements {
  private readonly elements: Element[] = [];
  private readonly tags: string[] = [];
  private everyElement: Element[] | undefined;
  private readonly gathered: SimpleSelector[];

  constructor(
    private readonly root: ParentNode,
    gather: string,
  ) {
    this.gathered = parse(gather);
    // In a browser (the content script) the engine's own query of the list is the cheapest way to these elements.
    // linkedom (the CLI, the tests, the benchmark) walks the whole page once per selector of a list: there every element
    // is taken once and tested here, which costs it half (0.2–0.85 ms on a news page); this gives the list's elements or
    // more (an attribute's value is not tested here; `answers` asks matches()).
    const native = typeof Node !== 'undefined' && root instanceof Node;
    const candidates = native ? root.querySelectorAll(gather) : this.everything;
    for (let i = 0; i < candidates.length; i++) {
      const el = candidates[i]!;
      const tag = el.localName.toLowerCase();
      if (native || this.gathered.some((g) => (g.tag === null || g.tag === tag) && (g.attribute === null || el.hasAttribute(g.attribute)))) {
        this.elements.push(el);
        this.tags.push(tag);
      }
    }
  }

  /** Every element under the root, in document order (gathered when first asked for). */
  get everything(): Element[] {
    return (this.everyElement ??= Array.from(this.root.querySelectorAll('*')));
  }

  /** root.querySelectorAll(selector), as an array. */
  all(selector: string): Element[] {
    const parts = this.covered(selector);
    return this.elements.filter((_, i) => this.answers(i, parts, selector));
  }

  /**
   * root.querySelector(selector): the first of all(selector). (A querySelector that finds nothing walks the whole page in
   * linkedom, 0.05–0.3 ms on a news page; a selector of one type only looks at the elements of that type.)
   */
  first(selector: string): Element | null {
    const parts = this.covered(selector);
    const tag = parts.length === 1 ? parts[0]!.tag : null;
    for (let i = 0; i < this.elements.length; i++) {
      if (tag !== null && this.tags[i] !== tag) continue;
      if (this.answers(i, parts, selector)) return this.elements[i]!;
    }
    return null;
  }

  private answers(i: number, parts: SimpleSelector[], selector: string): boolean {
    const el = this.elements[i]!;
    const tag = this.tags[i]!;
    // (A type alone matches an element of that very name in any engine: no need to ask, which linkedom makes dear.)
    if (parts.some((p) => p.attribute === null && p.tag === el.localName)) return true;
    const may = parts.some(
      (p) => (p.tag === null || p.tag === tag) && (p.attribute === null || !!el.getAttribute(p.attribute)?.toLowerCase().includes(p.value)),
    );
    return may && el.matches(selector);
  }

  /** The selector's parts; each must be one the gathering query holds every match of (a type it gathered, or an attribute). */
  private covered(selector: string): SimpleSelector[] {
    const parts = parse(selector);
    for (const p of parts) {
      const held = this.gathered.some((g) => (g.tag === null || g.tag === p.tag) && (g.attribute === null || (g.attribute === p.attribute && g.value === '')));
      if (!held) throw new Error(`${selector} may match elements the gathering query left out`);
    }
    return parts;
  }
}
