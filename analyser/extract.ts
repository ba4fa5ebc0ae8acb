// Article extraction over the LIVE document: finds the article body (or the posts of a blog page) and
// returns its text with a map from every character back to the DOM text node it came from, so that the
// extension can highlight it. The document is never modified (Readability works on a clone it rewrites,
// which would lose that map), and layout is never read here: the content script can pass `isHidden`.
//
// How: one walk over the body turns the page into paragraph-like blocks (skipping scripts, hidden
// elements, forms and page furniture recognised by tag, role, class and id). Each block is worth its
// length minus a fixed cost when it reads like prose, and a penalty when it is mostly links or a heading.
// The element that holds the most paragraphs seeds the article; it grows, in reading order, over the
// blocks around it while the prose gained outweighs the noise crossed. A headline and standfirst above it
// are added, and a body made of several sibling posts (a blog category page) is split into posts.
import { NO_LEFTOVERS, type ArticleText, type Block, type BlockKind, type Leftovers, type TextPiece } from './article';
import { INLINE, Verdict, judgeElement, leftoverKind, looksLikeStandfirst } from './extract-hints';
import type { MetadataElements } from './metadata-elements';
import { finish, type Steps } from './steps';

export interface ExtractOptions {
  /** Longest text returned; the rest is cut at a block boundary when possible (`truncatedAt`). */
  maxChars?: number;
  /** Extra visibility test (e.g. computed style in a browser). Called once per element read. */
  isHidden?: (el: Element) => boolean;
  /** The page's metadata elements, when the caller has gathered them (read.ts): the declared titles are read from them. */
  metadata?: MetadataElements;
}

/** doc.querySelector(selector), answered from the gathered metadata elements when there are some. */
const firstOf = (doc: Document, selector: string, metadata: MetadataElements | undefined) =>
  metadata ? metadata.first(selector) : doc.querySelector(selector);

/** A block costs this many characters: short lines (slogans, labels) are not worth including. */
const BLOCK_COST = 50;
/** Link-heavy text counts against the element that holds it, this many times its length (headings: once). */
const NOISE_WEIGHT = 3;
/** Growing the article to blocks one level further out in the page tree costs this much worth. */
const CLIMB_COST = 60;
/** Below this much prose, the page has no article (a home page, a search page, an error page). */
const MIN_ARTICLE_PROSE = 100;
/** Paragraph-like elements: an article body holds them, it is never one of them. */
const LEAF = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'pre', 'blockquote', 'th', 'td', 'caption', 'address', 'summary']);
const isLeaf = (tag: string) => LEAF.has(tag);
/**
 * A heading that titles what follows as not the article: the readers' comments, "most read", "read also", related
 * stories, the tickers of other stories ("Breaking news", « En continu »). What it opens is page furniture even
 * when its markup has no telling class (such a box can outweigh a short article).
 */
const ASIDE_TITLES = [
  // English, French
  'comments?|commentaires?|vos (?:réactions|commentaires)|réactions?|reactions|responses?|replies|leave a (?:reply|comment)|laisser un commentaire|join the (?:conversation|discussion)',
  'most (?:read|popular|viewed|shared|emailed)|les plus (?:lus|partagés|commentés|populaires|consultés)|(?:à |a )?lire aussi|(?:à |a )?voir aussi|sur le même sujet|dans la même rubrique',
  'related(?: (?:articles?|stories|posts|content|news))?|you (?:may|might) also like|recommended(?: for you)?|more (?:\\w+ ){0,3}(?:stories|news|articles|reads)|more from|read (?:more|next)',
  "trending(?: now)?|popular(?: now)?|latest (?:news|stories|headlines)|breaking news|top stories|à la une|en continu|fil (?:info|d['’]actualités?)|derni(?:ers?|ères) (?:articles?|infos|actualités|nouvelles)",
  // Portuguese, Spanish, Italian, German, Russian, Indonesian: the same boxes on the same kinds of pages
  'você (?:também )?pode gostar|veja também|leia também|(?:posts|artigos|notícias|matérias) relacionad[oa]s|mais lid[oa]s|comentários',
  '(?:también )?te puede interesar|lee también|ver también|(?:artículos|noticias) relacionad[oa]s|(?:lo )?más leíd[oa]s?|comentarios',
  'potrebbe interessarti|leggi anche|articoli correlati|(?:i )?più lett[ie]|commenti',
  'das könnte sie auch interessieren|lesen sie auch|mehr zum thema|ähnliche artikel|meistgelesen|kommentare',
  'читайте также|похожие (?:статьи|записи|новости)|самые (?:популярные|читаемые)(?: \\p{L}+)?|комментарии',
  'baca juga|(?:artikel|berita) terkait|komentar',
].join('|');
/** The title and a word boundary that also holds after a non-ASCII letter (JavaScript's \b is ASCII-only). */
const ASIDE_HEADING = new RegExp(`^(?:\\d+\\s+)?(?:${ASIDE_TITLES})(?![\\p{L}\\p{N}])`, 'iu');
/** A block is mostly links above this share of link text. */
const LINKY = 0.5;

/** A non-inline element that was read. */
interface Box {
  el: Element;
  tag: string;
  parent: Box | null;
  /** Pre-order index, and the index of its last descendant box: `a` holds `b` iff a.index <= b.index <= a.last. */
  index: number;
  last: number;
  /** Raw blocks inside: [blockStart, blockEnd). */
  blockStart: number;
  blockEnd: number;
  /** Characters of prose inside. */
  prose: number;
  /** Prose it holds itself (its paragraphs), plus half of what its children hold: where the text is densest. */
  own: number;
  /** Opened by an aside heading ("Comments", "Most read"), or inside such a box: never the article. */
  aside: boolean;
}

/** A paragraph-like run of text as read from the page. */
interface RawBlock {
  text: string;
  /** Offsets relative to `text`. */
  pieces: TextPiece[];
  box: Box;
  linkChars: number;
  /** Characters inside <time> elements: a date line is not prose. */
  timeChars: number;
  /** 1–6 for h1–h6, else 0. */
  heading: number;
  quote: boolean;
  listItem: boolean;
  worth: number;
  prose: boolean;
  /** A heading that opens page furniture (ASIDE_HEADING). */
  asideHeading: boolean;
}

const WS = /[ \t\n\r\f]+/g;
const isWs = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

export function extractArticle(doc: Document, options: ExtractOptions = {}): ArticleText {
  return finish(extractArticleSteps(doc, options));
}

/** extractArticle in steps: the walk over the page pauses every few hundred nodes (analyser/steps.ts). */
export function* extractArticleSteps(doc: Document, options: ExtractOptions = {}): Steps<ArticleText> {
  const maxChars = options.maxChars ?? Infinity;
  const start = doc.body ?? doc.documentElement;
  // (A function: the page's title is looked for only when no article is found.)
  const empty = (): ArticleText => ({
    text: '',
    title: pageTitle(doc, null, options.metadata),
    blocks: [],
    pieces: [],
    posts: 0,
    roots: [],
    truncatedAt: null,
    leftovers: { ...NO_LEFTOVERS },
  });
  if (!start) return empty();
  const page = yield* readBlocks(doc, start, options.isHidden, options.metadata);
  yield;
  const article = chooseArticle(page);
  if (!article) {
    let otherChars = 0;
    for (const b of page.blocks) otherChars += b.text.length;
    return { ...empty(), leftovers: { ...page.leftovers, otherChars } };
  }
  yield;
  return yield* assemble(doc, page, article, maxChars, options.metadata);
}

// ─── Reading the page into blocks ───────────────────────────────────────────────────────────────────

interface Page {
  blocks: RawBlock[];
  boxes: Box[];
  /** The page's own word for where the article is: its schema.org articleBody, then its <main>. */
  landmarks: Box[];
  /** Regions left out by their markup; `otherChars` is filled when the article is chosen. */
  leftovers: Leftovers;
}

function* readBlocks(doc: Document, start: Element, isHidden?: (el: Element) => boolean, metadata?: MetadataElements): Steps<Page> {
  const blocks: RawBlock[] = [];
  const boxes: Box[] = [];
  const leftovers: Leftovers = { ...NO_LEFTOVERS };
  // Furniture verdicts (class words, aria-hidden, forms) never apply to what holds the headline or a
  // schema.org articleBody: a wrapper called "has-comments" or a page-wide <form> must not hide the article.
  const guarded = new Set<Node>();
  // One query for both (a query walks the whole page): the landmarks where the page says its article is, too.
  const landmarkEls: Array<Element | null> = [null, null];
  const query = 'h1,[itemprop~="articleBody"],main,[role="main"]';
  for (const el of metadata ? metadata.all(query) : Array.from(doc.querySelectorAll(query))) {
    const tag = el.localName.toLowerCase();
    const articleBody = tag !== 'h1' && /(?:^|\s)articleBody(?:\s|$)/.test(el.getAttribute('itemprop') ?? '');
    if (articleBody) landmarkEls[0] ??= el;
    else if (tag !== 'h1') {
      landmarkEls[1] ??= el;
      continue;
    }
    for (let n: Node | null = el; n && !guarded.has(n); n = n.parentNode) guarded.add(n);
  }
  const landmarks: Box[] = [];

  let cur: Box | null = null;
  let text = '';
  let pieces: TextPiece[] = [];
  let linkChars = 0;
  let timeChars = 0;
  /** Characters at the start of the block that are all inside a link (a teaser's linked title). */
  let leadLink = 0;
  let inLink = 0;
  let inTime = 0;
  let inQuote = 0;
  let inListItem = 0;
  /** A space owed before the next word: the node/offset of a real space, or null node for a made-up one. */
  let pendingSpace: { node: Text | null; offset: number } | null = null;
  let lastWasBr = false;

  const flush = () => {
    pendingSpace = null;
    lastWasBr = false;
    if (!text || !cur) {
      text = '';
      pieces = [];
      linkChars = 0;
      timeChars = 0;
      leadLink = 0;
      return;
    }
    // The text was built word by word: reading one character makes V8 flatten that chain of words into one
    // string now, in the slice that read the block. Left as it is, the whole article's chain (hundreds of
    // thousands of words on a long page) is flattened at its first use, in one task (16 ms for 1 MB).
    text.charCodeAt(0);
    const heading = /^h[1-6]$/.test(cur.tag) ? Number(cur.tag[1]) : 0;
    const len = text.length;
    const linky = (linkChars + timeChars) / len > 0.3;
    const prose = !heading && !linky;
    // A list item that opens with a linked title and goes on with its summary is a teaser of another page (a
    // "breaking news" ticker, a list of related stories): the article does not grow over it. Inside the article's
    // own box ("10 things you need to know", each with its link) it is still read.
    const teaser = inListItem > 0 && leadLink >= 20 && leadLink >= 0.15 * len;
    const worth = prose && !teaser ? len - BLOCK_COST : linky ? -NOISE_WEIGHT * len : -len;
    // A short line that is a whole sentence ("Doublé de Karim Benali en première période.") is prose too: a body
    // made of such lines (a match report, a brief) is an article. It still costs its BLOCK_COST when growing.
    const counts = prose && (len >= BLOCK_COST || (len >= 25 && !teaser && SENTENCE_END.test(text) && wordCount(text) >= 5));
    // The heading is that title and little more ("Vos réactions (6)", "12 comments"): a heading of the article's
    // own that starts alike ("Reactions in Congress were mixed") goes on.
    const title = (heading > 0 || !linkChars) && len <= 60 ? text.trim() : '';
    const aside = title ? ASIDE_HEADING.exec(title) : null;
    const asideHeading = !!aside && title.length - aside[0].length <= 12;
    blocks.push({ text, pieces, box: cur, linkChars, timeChars, heading, quote: inQuote > 0, listItem: inListItem > 0, worth, prose: counts, asideHeading });
    if (counts) {
      cur.prose += len;
      let holder: Box | null = cur;
      while (holder && isLeaf(holder.tag)) holder = holder.parent;
      if (holder) {
        holder.own += len;
        if (holder.parent) holder.parent.own += len / 2;
      }
    }
    text = '';
    pieces = [];
    linkChars = 0;
    timeChars = 0;
    leadLink = 0;
  };

  const emit = (node: Text | null, offset: number, s: string) => {
    const startAt = text.length;
    text += s;
    if (inLink) {
      linkChars += s.length;
      if (leadLink === startAt) leadLink = text.length;
    }
    if (inTime) timeChars += s.length;
    if (!node) return;
    const last = pieces[pieces.length - 1];
    if (last && last.node === node && last.end === startAt && last.nodeOffset + (last.end - last.start) === offset) last.end = text.length;
    else pieces.push({ node, nodeOffset: offset, start: startAt, end: text.length });
  };

  const readText = (node: Text) => {
    const data = node.data;
    if (!data) return;
    let i = 0;
    WS.lastIndex = 0;
    while (i < data.length) {
      if (isWs(data.charCodeAt(i))) {
        WS.lastIndex = i;
        WS.exec(data);
        const runEnd = WS.lastIndex;
        if (text && !pendingSpace) {
          const sp = data.indexOf(' ', i);
          pendingSpace = sp >= 0 && sp < runEnd ? { node, offset: sp } : { node: null, offset: 0 };
        }
        i = runEnd;
      } else {
        let j = i + 1;
        while (j < data.length && !isWs(data.charCodeAt(j))) j++;
        if (pendingSpace) {
          const ps: { node: Text | null; offset: number } = pendingSpace;
          pendingSpace = null;
          emit(ps.node, ps.offset, ' ');
        }
        emit(node, i, data.slice(i, j));
        lastWasBr = false;
        i = j;
      }
    }
  };

  // An explicit stack rather than recursion: a page nested thousands of elements deep (hostile or
  // generated) must not overflow the call stack. Each frame is an element whose children are being read.
  interface Frame {
    next: ChildNode | null;
    /** Set for a block element: its box is closed when its children are done. */
    box: Box | null;
    link: boolean;
    time: boolean;
    quote: boolean;
    li: boolean;
  }
  const stack: Frame[] = [];

  const enter = (el: Element) => {
    const tag = el.localName.toLowerCase();
    // A custom element (<hl-trusted-source>, <x-ref>) is inline in a browser unless styled otherwise: its text runs
    // on in the sentence around it; block children inside it still make their own boxes.
    const inline = INLINE.has(tag) || tag.includes('-');
    // The body itself is never furniture, whatever its classes ("comments-open", "has-sidebar").
    const verdict = el === start ? Verdict.Keep : judgeElement(el, tag, isHidden);
    if (verdict === Verdict.Skip || (verdict === Verdict.Furniture && !guarded.has(el))) {
      const kind = leftoverKind(el, tag, verdict);
      if (kind) leftovers[kind]++;
      // A heading left out by its class ("relatedpoststitle", "comments-title") that opens its box titles that
      // box as the page's, like an aside heading read as text.
      if ((kind === 'related' || kind === 'comments') && /^h[1-6]$/.test(tag) && cur && cur.blockStart === blocks.length && !guarded.has(cur.el))
        cur.aside = true;
      if (!inline) flush();
      return;
    }
    if (tag === 'br') {
      // One <br> is a space; two in a row end the paragraph (old blogs write paragraphs that way).
      if (lastWasBr) flush();
      else if (text) {
        pendingSpace ??= { node: null, offset: 0 };
        lastWasBr = true;
      }
      return;
    }
    if (tag === 'img' || tag === 'wbr') return;
    if (inline) {
      const link = tag === 'a' && el.hasAttribute('href');
      const time = tag === 'time';
      if (link) inLink++;
      if (time) inTime++;
      stack.push({ next: el.firstChild, box: null, link, time, quote: false, li: false });
      return;
    }
    flush();
    const box: Box = { el, tag, parent: cur, index: boxes.length, last: boxes.length, blockStart: blocks.length, blockEnd: 0, prose: 0, own: 0, aside: false };
    boxes.push(box);
    if (el === landmarkEls[0] || el === landmarkEls[1]) landmarks[el === landmarkEls[0] ? 0 : 1] = box;
    const quote = tag === 'blockquote';
    const li = tag === 'li' || tag === 'dd';
    if (quote) inQuote++;
    if (li) inListItem++;
    cur = box;
    stack.push({ next: el.firstChild, box, link: false, time: false, quote, li });
  };

  const leave = (frame: Frame) => {
    const { box } = frame;
    if (!box) {
      if (frame.link) inLink--;
      if (frame.time) inTime--;
      return;
    }
    flush();
    if (frame.quote) inQuote--;
    if (frame.li) inListItem--;
    box.blockEnd = blocks.length;
    box.last = boxes.length - 1;
    cur = box.parent;
    if (cur) cur.prose += box.prose;
  };

  enter(start);
  let visited = 0;
  while (stack.length) {
    if ((++visited & 255) === 0) yield;
    const frame = stack[stack.length - 1]!;
    const c = frame.next;
    if (!c) {
      stack.pop();
      leave(frame);
      continue;
    }
    frame.next = c.nextSibling;
    if (c.nodeType === 3) readText(c as Text);
    else if (c.nodeType === 1) enter(c as Element);
  }
  markAsides(blocks, boxes, guarded);
  return { blocks, boxes, leftovers, landmarks: landmarks.filter(Boolean) };
}

/**
 * The box an aside heading titles (the first box above it that holds more than the title, and that the title
 * opens) is an aside, and so is all it holds; never a box that holds the headline or a schema.org articleBody.
 * Only that box: the column that holds a "Breaking news" ticker and then the article is not the ticker.
 */
function markAsides(blocks: RawBlock[], boxes: Box[], guarded: Set<Node>): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (!b.asideHeading) continue;

    // Up through the wrappers of the title alone, to the first box that holds more than it: the box it titles.
    let box: Box | null = b.box;
    while (box && box.blockEnd - box.blockStart <= 1 && box.parent?.blockStart === i) box = box.parent;
    if (box && box.blockStart === i && !guarded.has(box.el)) box.aside = true;
  }
  // Boxes are in document order, a parent before its children.
  for (const box of boxes) if (box.parent?.aside) box.aside = true;
}

// ─── Choosing the article ───────────────────────────────────────────────────────────────────────────

interface Choice {
  /** The smallest element holding the article's blocks. */
  body: Box;
  /** The article's blocks: [from, to). */
  from: number;
  to: number;
  /** Several posts (a blog page), or just [body]. */
  posts: Box[];
}

function chooseArticle(page: Page): Choice | null {
  const { blocks } = page;
  // The densest holder of paragraphs is inside the article body…
  let seed: Box | null = null;
  for (const box of page.boxes) {
    if (!box.prose || isLeaf(box.tag) || box.aside) continue;
    if (!seed || box.own > seed.own) seed = box;
  }
  if (!seed) return null;
  // Where the page says its article is (articleBody, <main>) and holds an article's worth of prose, the seed is
  // the densest holder there: a longer box of teasers or comments elsewhere does not outweigh it.
  let bound: Box | null = null;
  for (const mark of page.landmarks) {
    if (mark.prose < LANDMARK_PROSE) continue;
    if (holds(mark, seed)) {
      bound = mark;
      break;
    }
    let inside: Box | null = null;
    for (let i = mark.index; i <= mark.last; i++) {
      const box = page.boxes[i]!;
      if (!box.prose || isLeaf(box.tag) || box.aside) continue;
      if (!inside || box.own > inside.own) inside = box;
    }
    if (inside) {
      // …and the article stays there: it does not grow over the boxes the page put beside its article.
      seed = inside;
      bound = mark;
      break;
    }
  }
  // …which runs on, in reading order, as long as the prose gained outweighs the noise crossed: the other
  // text blocks of a body split into many small containers, the other posts of a blog page — but not the
  // teasers, link lists or menus after the article, whose few lines of prose never pay for their links.
  // Reaching blocks further out in the page tree costs CLIMB_COST per level, so that a stray line of prose
  // next to the article (a slogan, a promo) does not join it.
  let from = seed.blockStart;
  let to = seed.blockEnd;
  let bestValue = 0;
  let level = 0;
  for (let a: Box | null = seed.parent; a && (!bound || holds(bound, a)); a = a.parent) {
    level++;
    let left = 0;
    let l = seed.blockStart;
    for (let i = seed.blockStart - 1, sum = 0; i >= a.blockStart; i--) {
      if (blocks[i]!.box.aside) break;
      sum += blocks[i]!.worth;
      if (sum > left) [left, l] = [sum, i];
    }
    let right = 0;
    let r = seed.blockEnd;
    for (let i = seed.blockEnd, sum = 0; i < a.blockEnd; i++) {
      if (blocks[i]!.box.aside) break;
      sum += blocks[i]!.worth;
      if (sum > right) [right, r] = [sum, i + 1];
    }
    const value = left + right - CLIMB_COST * level;
    if (value > bestValue) [bestValue, from, to] = [value, l, r];
  }
  let prose = 0;
  for (let i = from; i < to; i++) if (blocks[i]!.prose) prose += blocks[i]!.text.length;
  if (prose < MIN_ARTICLE_PROSE) return null;
  let body: Box = seed;
  while (body.parent && !(body.blockStart <= from && to <= body.blockEnd)) body = body.parent;
  // A few lines under a heading that links elsewhere is a teaser of another page (a section front, a search
  // page), not an article: the page has none.
  if (prose < TEASER_PROSE && opensWithLinkedHeading(blocks, from, to)) return null;
  return { body, from, to, posts: findPosts(page, body) ?? [body] };
}

/**
 * A post's date or filing line ("Posted on March 30, 2015 by Admin", "Updated at 1:23 p.m.", « Publié le … »,
 * "Filed under: …"): page signals read dates; it is not a sentence of the article.
 */
const META_LINE = /^(?:posted|published|updated|last updated|filed under|publié|mis à jour|publicado|atualizado)\b/i;
/** A line that opens with a date: "05/10/2018 - Published by …", « mardi 3 mars 2020, 14 h 02 », "Monday, Nov. 18". */
const DATE_LINE =
  /^(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?:\s*(?:[-–|·,]|à|at|\d{1,2}[:h]\d{2})|$)|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b|(?:segunda|terça|quarta|quinta|sexta)-feira\b|(?:sábado|domingo|lunes|martes|miércoles|jueves|viernes)\b)/i;
const isMetaLine = (b: RawBlock) => {
  // Long blocks are paragraphs: not copied by trim() (a long page has thousands of them).
  if (b.text.length > 130) return false;
  const t = b.text.trim();
  return (
    (t.length <= 120 && (META_LINE.test(t) || /[|·]\s*(?:updated|published|posted|mis à jour|publié)\b/i.test(t)) && /\d|:|\b(?:by|par|por)\b/i.test(t)) ||
    (t.length <= 100 && DATE_LINE.test(t) && /\d/.test(t) && !SENTENCE_END.test(t.replace(/\b[ap]\.m\.$/i, '')))
  );
};

/**
 * A photo's caption or credit left in the text without a <figcaption> ("In this 2006 file photo, …", "Jane Doe |
 * Bloomberg | Getty Images", « Photo : … »), or an embedded video's title ("Video: …", "WATCH: …"): the reader sees
 * it under a picture or a player, not as a sentence of the article.
 */
const CAPTION_START =
  /^(?:(?:in )?this (?:[\w.,'’ -]{0,60} )?(?:file )?(?:photo|picture|image)\b|(?:photo|image|picture|credit|crédit(?: photo)?|illustration|source|video|vidéo|watch|audio)s? ?:)/i;
const CREDIT = /\b(?:getty images|ap photo|afp|reuters|shutterstock|istock\w*|pool|epa|file photo|photo)\b/i;
const isCaptionLine = (b: RawBlock) => {
  // Blocks start with a word (the reader skips leading white space): no trim() copy of every paragraph.
  const t = b.text;
  if (t.length > 400) return false;
  if (CAPTION_START.test(t) || (t.length <= 200 && t.includes('©'))) return true;
  return t.length <= 120 && /\s[|/]\s/.test(t) && CREDIT.test(t) && !SENTENCE_END.test(t);
};

/**
 * What follows the article's last paragraph to sell something else: follow us, sign up, the newsletter, the forum;
 * and the report's credits. Taken off the end of the article only (the same words inside it are the article's).
 */
const CALL_TO_ACTION =
  /\b(?:follow (?:us|him|her|me|them|@\w+)|follow \w+ on|sign up|subscribe|subscribed|newsletter|click here|join (?:our|the) \w+|e-?mail (?:us|him|her|me)|tell us what|share (?:this|your|it with)|delivered (?:to|through) your|download (?:our|the) app|this slideshow requires|listen (?:to \w+ )?(?:live|back)|if you enjoyed|we['’]d like to hear|abonnez-vous|suivez-nous|inscrivez-vous|lettre d['’]information|téléchargez (?:notre|l['’]application))\b/i;
/** The credits of the report at its end: "Reporting by …; Editing by …", "X and Y contributed to this report". */
const REPORT_CREDITS =
  /^\(?(?:(?:additional )?reporting by|(?:writing|editing|edited) by)\b|\bcontributed (?:reporting )?to this (?:report|story|article)\.?\)?$|^(?:avec|with) (?:afp|ap|reuters)\)?\.?$/i;

/** Containers that can be an inline box of the article (a table or a list is the article's own). */
const INLINE_BOX = new Set(['div', 'section', 'aside', 'figure']);
/** An articleBody or <main> with this much prose holds the article. */
const LANDMARK_PROSE = 250;
/** Under this much prose, a body that opens with a linked heading is a teaser. */
const TEASER_PROSE = 400;

function opensWithLinkedHeading(blocks: RawBlock[], from: number, to: number): boolean {
  for (let i = Math.max(0, from - 1); i < to; i++) {
    const b = blocks[i]!;
    if (b.heading) return b.linkChars >= 0.5 * b.text.length;
    if (b.prose) return false;
  }
  return false;
}

const POST_WORD = /(?:^|[\s_-])(?:post|entry|hentry|h-entry|article|story|blogpost|note|item)(?:$|[\s_-])/i;

/**
 * A blog page's body is a run of sibling posts, each with its own title heading before its text and a
 * sign of being a post (an <article>, a post/entry class, a schema.org posting, or a title that links to
 * the post's own page). Sections of one article have headings too, but none of these signs.
 */
function findPosts(page: Page, body: Box): Box[] | null {
  let holder = body;
  for (let depth = 0; depth < 4; depth++) {
    const kids = childBoxes(page, holder);
    const posts = kids.filter((k) => k.prose >= 150 && postHeading(page, k) >= 0);
    if (posts.length >= 2) {
      const tag = posts[0]!.tag;
      const alike = posts.filter((p) => p.tag === tag && looksLikePost(page, p));
      const prose = alike.reduce((n, p) => n + p.prose, 0);
      if (alike.length >= 2 && prose >= 0.7 * holder.prose) return alike;
    }
    // Go down through a wrapper that holds nearly all of the prose.
    const main = kids.find((k) => k.prose >= 0.9 * holder.prose);
    if (!main) return null;
    holder = main;
  }
  return null;
}

function childBoxes(page: Page, box: Box): Box[] {
  const kids: Box[] = [];
  for (let i = box.index + 1; i <= box.last; i = page.boxes[i]!.last + 1) kids.push(page.boxes[i]!);
  return kids;
}

function looksLikePost(page: Page, box: Box): boolean {
  if (box.tag === 'article') return true;
  const cls = `${box.el.getAttribute('class') ?? ''} ${box.el.getAttribute('id') ?? ''}`;
  if (POST_WORD.test(cls)) return true;
  if (/schema\.org\/(?:BlogPosting|\w*Article)/i.test(box.el.getAttribute('itemtype') ?? '')) return true;
  const h = postHeading(page, box);
  return h >= 0 && page.blocks[h]!.linkChars >= 0.5 * page.blocks[h]!.text.length;
}

/** Index of the heading (h1–h4) that titles a post: before its first paragraph of prose. -1 if none. */
function postHeading(page: Page, box: Box): number {
  for (let i = box.blockStart; i < box.blockEnd; i++) {
    const b = page.blocks[i]!;
    if (b.heading && b.heading <= 4) return i;
    if (b.prose) return -1;
  }
  return -1;
}

const holds = (outer: Box, inner: Box) => outer.index <= inner.index && inner.index <= outer.last;

// ─── Headline, title ────────────────────────────────────────────────────────────────────────────────

const wordsOf = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);

/** Share of the heading's words found in the page's declared titles (og:title, <title>). */
function titleLikeness(heading: string, titles: Set<string>): number {
  const words = wordsOf(heading);
  if (!words.length) return 0;
  return words.filter((w) => titles.has(w)).length / words.length;
}

function declaredTitles(doc: Document, metadata: MetadataElements | undefined): string[] {
  const out: string[] = [];
  for (const sel of ['meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="title"]']) {
    const v = firstOf(doc, sel, metadata)?.getAttribute('content')?.trim();
    if (v) out.push(v);
  }
  const t = doc.title?.trim();
  if (t) out.push(t);
  return out;
}

/** The article's headline block: an h1 at the top of the body, else the h1 (or h2/h3) above it that the page's title names. */
function findHeadline(doc: Document, page: Page, from: number, to: number, metadata: MetadataElements | undefined): number {
  const { blocks } = page;
  let first = from;
  while (first < to && !blocks[first]!.prose) first++;
  for (let i = from; i < first; i++) if (blocks[i]!.heading === 1) return i;
  const titles = new Set(declaredTitles(doc, metadata).flatMap(wordsOf));
  let best = -1;
  let bestScore = 0;
  for (let i = from - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (!b.heading || b.heading > 3) continue;
    if (b.linkChars > 0.5 * b.text.length && b.heading === 1 && !titles.size) continue;
    // An h1 far above still counts when the title names it; an h2/h3 must be near.
    if (b.heading > 1 && from - i > 12) continue;
    const score = titles.size ? titleLikeness(b.text, titles) - (b.heading > 1 ? 0.1 : 0) : b.heading === 1 ? 1 : 0;
    if (score > bestScore + 1e-9) {
      best = i;
      bestScore = score;
    }
  }
  if (bestScore >= 0.6) return best;
  // Inside the body, an h2/h3 before the first paragraph that the title names.
  for (let i = from; i < first; i++) {
    const b = blocks[i]!;
    if (b.heading && b.heading <= 3 && titles.size && titleLikeness(b.text, titles) >= 0.6) return i;
  }
  return -1;
}

/** `<title>` without the site's name (" | Le Monde", " - Libération"). */
export function cleanTitle(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  const m = /^(.*\S)\s+(?:[|\-–—·»:]{1,2})\s+[^|\-–—·»]+$/.exec(t);
  if (m && m[1]!.split(' ').length >= 3) return cleanTitle(m[1]!);
  return t;
}

function pageTitle(doc: Document, headline: string | null, metadata: MetadataElements | undefined): string {
  if (headline) return headline;
  const og = firstOf(doc, 'meta[property="og:title"]', metadata)?.getAttribute('content')?.trim();
  if (og) return og.replace(/\s+/g, ' ');
  return cleanTitle(doc.title ?? '');
}

// ─── Assembling the text ────────────────────────────────────────────────────────────────────────────

interface Picked {
  raw: RawBlock;
  kind: BlockKind;
  post: number;
}

/**
 * Mostly links (a "read also", a list of related headlines) or a date line. A sentence of the article whose
 * words are mostly a link ("He was <a>sentenced to life in federal prison last Thursday</a>.") is not: it has
 * words outside the link and ends as a sentence does, which a list of headlines does not.
 */
const isLinky = (b: RawBlock) => b.linkChars + b.timeChars > LINKY * b.text.length && !linkedSentence(b);
const SENTENCE_END = /[.!?…:;]["'”»’)\]]*$/u;
const linkedSentence = (b: RawBlock) =>
  !b.timeChars && !b.heading && b.text.length - b.linkChars >= 25 && b.linkChars < 0.9 * b.text.length && wordCount(b.text) >= 8 && SENTENCE_END.test(b.text);
const wordCount = (s: string) => s.split(' ').length;
// (A module constant: the bundler writes a regular expression with \p{…} outside brackets as `new RegExp(…)`, which a
// function would build again at each call.)
const LETTER = /\p{L}/u;
const LOWER_CASE = /\p{Ll}/u;
const isLabelLike = (b: RawBlock) => !b.linkChars && !b.timeChars && b.text.length <= 40 && wordCount(b.text) <= 4 && LETTER.test(b.text);

/** Picks the article's blocks and joins them; in steps too, since a very long article has thousands of blocks. */
function* assemble(doc: Document, page: Page, choice: Choice, maxChars: number, metadata: MetadataElements | undefined): Steps<ArticleText> {
  const { blocks } = page;
  const picked: Picked[] = [];
  let headlineText: string | null = null;

  /**
   * An inline box of the article ("Read also" and its links, a box of key figures, an ad slot's label): a
   * container inside the body with no prose of its own, titled or made of links and labels. Its lines are not
   * the article's; the paragraph after it is.
   */
  const boxVerdicts = new Map<Box, boolean>();
  const isInlineBox = (box: Box): boolean => {
    let v = boxVerdicts.get(box);
    if (v === undefined) {
      v = false;
      if (!box.prose && INLINE_BOX.has(box.tag)) {
        // A lone heading in its wrapper is a crosshead of the article, not a box; a titled list or table of short
        // items (ingredients, steps, a line-up, statistics) is the article's own.
        let headings = 0;
        let lines = 0;
        for (let i = box.blockStart; i < box.blockEnd && !v; i++) {
          const b = blocks[i]!;
          if (b.heading) headings++;
          else if (isLinky(b)) v = true;
          else if (!b.listItem && b.box.tag !== 'td' && b.box.tag !== 'th') {
            lines++;
            v = isLabelLike(b);
          }
        }
        v ||= headings > 0 && lines > 0;
      }
      boxVerdicts.set(box, v);
    }
    return v;
  };
  const inInlineBox = (b: RawBlock, root: Box): boolean => {
    for (let box: Box | null = b.box; box && box !== root; box = box.parent) if (isInlineBox(box)) return true;
    return false;
  };

  const seen = new Set<string>();
  const titlesLinks = (i: number): boolean => {
    const b = blocks[i]!;
    const next = blocks[i + 1];
    if (!next || b.text.length > 48 || !isLinky(next)) return false;
    // Said as such: a line in capitals or ending with a colon (a caption like "Drink after your workout" above a
    // linked recipe is the article's).
    const t = b.text.trim();
    return t.length <= 40 && (/:$/.test(t) || !LOWER_CASE.test(t));
  };

  function* pickBody(from: number, to: number, post: number, headline: number, root: Box): Steps<void> {
    // Until the first paragraph of the body: kickers (« Exclusif ») and a standfirst named as such.
    let opening = true;
    // Posts of a blog page may open alike: each is read whole.
    if (choice.posts.length > 1) seen.clear();
    /** After an aside heading inside the body ("More great stories"): its list is not the article. */
    let inAsideList = false;
    for (let i = from; i < to; i++) {
      if (((i - from) & 511) === 511) yield;
      const b = blocks[i]!;
      if (i === headline) continue;
      if (b.asideHeading && !opening) {
        inAsideList = true;
        continue;
      }
      if (inAsideList) {
        if (b.listItem || isLinky(b) || isLabelLike(b)) continue;
        inAsideList = false;
      }
      // Inline boxes come between paragraphs: before the first one, a lone short line is a kicker (« Exclusif »).
      if (isLinky(b) || b.box.aside || (!opening && inInlineBox(b, root))) continue;
      // The title of the links that follow it ("DON'T MISS", "More:"), a post's date line.
      if (titlesLinks(i) || isMetaLine(b) || isCaptionLine(b)) continue;
      // The same opening line twice (a standfirst in a mobile and a desktop version of the header) is read once.
      if (opening) {
        if (b.text.length >= 40 && seen.has(b.text)) continue;
        seen.add(b.text);
      }
      let kind: BlockKind = b.quote ? 'quote' : b.heading ? 'heading' : b.listItem ? 'list-item' : 'paragraph';
      if (opening && kind !== 'quote') {
        if (looksLikeStandfirst(b.box.el) || (b.box.parent && looksLikeStandfirst(b.box.parent.el))) kind = isLabelLike(b) ? 'label' : 'standfirst';
        else if (!b.heading && isLabelLike(b)) kind = 'label';
      }
      if (kind === 'paragraph' && b.prose) opening = false;
      picked.push({ raw: b, kind, post });
    }
  }

  /** A short line right above the headline, in the same header: a kicker such as « Exclusif ». */
  const pickLabel = (h: number, post: number, within: Box | null) => {
    const b = blocks[h - 1];
    if (!b || !isLabelLike(b)) return;
    if (within && !holds(within, b.box)) return;
    let near = false;
    for (let a: Box | null = b.box, k = 0; a && k < 3; a = a.parent, k++) if (holds(a, blocks[h]!.box)) near = true;
    if (near) picked.push({ raw: b, kind: 'label', post });
  };

  if (choice.posts.length > 1) {
    for (const [n, post] of choice.posts.entries()) {
      const h = postHeading(page, post);
      pickLabel(h, n, post);
      picked.push({ raw: blocks[h]!, kind: 'headline', post: n });
      yield* pickBody(h + 1, post.blockEnd, n, h, post);
    }
    // The page's own h1 (a category name) is the title; it is not part of any post.
    const h1 = blocks.find((b) => b.heading === 1 && !isLinky(b));
    headlineText = h1?.text ?? null;
  } else {
    const { from, to } = choice;
    const h = findHeadline(doc, page, from, to, metadata);
    if (h >= 0) {
      pickLabel(h, 0, null);
      picked.push({ raw: blocks[h]!, kind: 'headline', post: 0 });
      headlineText = blocks[h]!.text;
      // Between the headline and the body: the standfirst, unless the headline is far away.
      const between: Picked[] = [];
      let chars = 0;
      for (let i = h + 1; i < from; i++) {
        const b = blocks[i]!;
        if (b.linkChars + b.timeChars > 0.3 * b.text.length) continue;
        if (isMetaLine(b) || isCaptionLine(b)) continue;
        if ((wordCount(b.text) >= 6 || looksLikeStandfirst(b.box.el)) && !seen.has(b.text)) {
          seen.add(b.text);
          between.push({ raw: b, kind: 'standfirst', post: 0 });
          chars += b.text.length;
        }
      }
      if (between.length <= 6 && chars <= 1500) picked.push(...between);
    }
    yield* pickBody(h >= from && h < to ? h + 1 : from, to, 0, h, choice.body);
  }

  // Calls to action after the last paragraph (a single article: a post ends where the next begins).
  if (choice.posts.length === 1) {
    let popped = false;
    while (picked.length > 1) {
      const last = picked[picked.length - 1]!;
      if (last.kind === 'headline') break;
      const selling = last.raw.text.length <= 300 && (CALL_TO_ACTION.test(last.raw.text) || REPORT_CREDITS.test(last.raw.text.trim()));
      // The title of such a box ("Something to consider", "Stay informed") goes with it.
      const itsTitle = popped && (last.raw.heading > 0 || isLabelLike(last.raw)) && !SENTENCE_END.test(last.raw.text);
      if (!selling && !itsTitle) break;
      picked.pop();
      popped = true;
    }
  }

  // Everything else the walk read is the page's other text, counted for "What Sourcier read".
  const kept = new Set(picked.map((p) => p.raw));
  let otherChars = 0;
  for (const b of blocks) if (!kept.has(b)) otherChars += b.text.length;

  // Join the blocks; pieces move to article offsets.
  let text = '';
  const outBlocks: Block[] = [];
  const outPieces: TextPiece[] = [];
  for (const [k, p] of picked.entries()) {
    if ((k & 255) === 255) yield;
    if (text) text += '\n\n';
    const at = text.length;
    text += p.raw.text;
    outBlocks.push({ kind: p.kind, start: at, end: text.length, post: p.post });
    for (const piece of p.raw.pieces) outPieces.push({ node: piece.node, nodeOffset: piece.nodeOffset, start: piece.start + at, end: piece.end + at });
  }
  const result: ArticleText = {
    text,
    title: pageTitle(doc, headlineText, metadata),
    blocks: outBlocks,
    pieces: outPieces,
    posts: outBlocks.length ? choice.posts.length : 0,
    roots: outBlocks.length ? choice.posts.map((p) => p.el) : [],
    truncatedAt: null,
    leftovers: { ...page.leftovers, otherChars },
  };
  return text.length > maxChars ? truncate(result, maxChars) : result;
}

/** Cuts the text to at most `maxChars`, at the end of a block when one ends in the last fifth. */
function truncate(a: ArticleText, maxChars: number): ArticleText {
  let cut = Math.max(0, Math.floor(maxChars));
  const lastWhole = a.blocks.filter((b) => b.end <= cut).pop();
  if (lastWhole && lastWhole.end >= cut * 0.8) cut = lastWhole.end;
  const blocks = a.blocks.filter((b) => b.start < cut).map((b) => ({ ...b, end: Math.min(b.end, cut) }));
  const pieces = a.pieces.filter((p) => p.start < cut).map((p) => ({ ...p, end: Math.min(p.end, cut) }));
  const text = a.text.slice(0, cut);
  return { ...a, text, blocks, pieces, truncatedAt: text.length };
}
