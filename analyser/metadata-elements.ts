// The elements a page's metadata is read from (<meta>, <link>, JSON-LD <script>, <title>, <time>, microdata, links
// with a rel), gathered by one query and then asked many questions. In linkedom (the CLI, the tests, the benchmark)
// every query walks the whole page, about 0.2 ms on a 200 KB page, and reading a page asked a dozen of them; in a
// browser one query costs no more than each of the others did.

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
 * One query's elements (`gather`, a selector list), answering the queries whose matches it holds. An element answers
 * a selector when a cheap test says it may (its tag, the attribute's value holding the selector's, case aside) and
 * the engine's own `matches` says it does: the answers are the elements, in document order, that querying the page
 * with the selector would give, whatever the engine's rules for case or white space.
 */
export class MetadataElements {
  private readonly elements: Element[];
  private readonly tags: string[];
  private readonly gathered: SimpleSelector[];

  constructor(root: ParentNode, gather: string) {
    this.gathered = parse(gather);
    this.elements = Array.from(root.querySelectorAll(gather));
    this.tags = this.elements.map((el) => el.localName.toLowerCase());
  }

  /** root.querySelector(selector). */
  first(selector: string): Element | null {
    const parts = this.covered(selector);
    for (let i = 0; i < this.elements.length; i++) if (this.answers(i, parts, selector)) return this.elements[i]!;
    return null;
  }

  /** root.querySelectorAll(selector), as an array. */
  all(selector: string): Element[] {
    const parts = this.covered(selector);
    return this.elements.filter((_, i) => this.answers(i, parts, selector));
  }

  private answers(i: number, parts: SimpleSelector[], selector: string): boolean {
    const el = this.elements[i]!;
    const tag = this.tags[i]!;
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
