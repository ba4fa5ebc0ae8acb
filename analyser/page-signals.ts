// Page signals: who signed the article, when it was published, which outside sources its body links to,
// and the publisher's stated policies on unnamed sources and corrections (schema.org / Trust Project).
// Read from meta tags, schema.org JSON-LD and microdata, and the article's own elements; never from
// reader comments or sidebars.
import type { ArticleText } from './article';
import { Verdict, classWords, judgeElement } from './extract-hints';
import { MetadataElements } from './metadata-elements';
import type { PageSignals } from './report';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * The page's metadata elements, gathered by one query (MetadataElements): what readPageSignals, siteNames, the
 * headline's search and the extraction's landmarks (h1, main, role="main") ask about.
 */
export const pageMetadata = (doc: Document) => new MetadataElements(doc, 'meta,link,script,time,a[rel],[itemprop],h1,main,[role]');

export function readPageSignals(doc: Document, article: ArticleText, pageUrl?: string, tags = pageMetadata(doc)): PageSignals {
  // (The queries below that read the whole page are answered from `tags`.)
  const ld = readJsonLd(doc, tags);
  const main = mainObject(ld.objects);
  const metas = readMetas(tags);
  const base = pageUrl || canonicalUrl(tags, metas) || undefined;
  return {
    byline: readByline(tags, article, main, ld.byId, metas),
    published: readPublished(tags, article, main, metas),
    links: readLinks(article, base, ownSites(pageUrl, tags, metas, main)),
    unnamedSourcesPolicy: readPolicy(tags, 'unnamedSourcesPolicy', main, ld.objects, base, metas),
    correctionsPolicy: readPolicy(tags, 'correctionsPolicy', main, ld.objects, base, metas),
  };
}

/** <meta> contents by lower-case name, property or itemprop (one pass instead of a query per tag). */
type Metas = Map<string, string[]>;

function readMetas(tags: MetadataElements): Metas {
  const metas: Metas = new Map();
  for (const m of tags.all('meta')) {
    const content = m.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (!key) continue;
      for (const k of key.split(/\s+/)) {
        const list = metas.get(k);
        if (list) list.push(content);
        else metas.set(k, [content]);
      }
    }
  }
  return metas;
}

const firstMeta = (metas: Metas, keys: string[]): string | null => {
  for (const k of keys) {
    const v = metas.get(k)?.[0];
    if (v) return v;
  }
  return null;
};

// ─── schema.org JSON-LD ─────────────────────────────────────────────────────────────────────────────

interface JsonLd {
  /** Every object found, depth first, in document order. */
  objects: JsonObject[];
  byId: Map<string, JsonObject>;
}

export function readJsonLd(doc: Document, tags = new MetadataElements(doc, 'script')): JsonLd {
  const objects: JsonObject[] = [];
  const byId = new Map<string, JsonObject>();
  const collect = (v: Json, depth: number) => {
    if (depth > 12 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) collect(x, depth + 1);
      return;
    }
    objects.push(v);
    const id = v['@id'];
    if (typeof id === 'string' && Object.keys(v).length > 1 && !byId.has(id)) byId.set(id, v);
    for (const [k, x] of Object.entries(v)) if (k !== '@context') collect(x, depth + 1);
  };
  for (const script of tags.all('script[type="application/ld+json"]')) {
    const raw = script.textContent?.trim();
    if (!raw) continue;
    try {
      collect(JSON.parse(raw) as Json, 0);
    } catch {
      // Some sites leave trailing commas or raw newlines in strings: one more lenient try, else skip.
      try {
        collect(JSON.parse(raw.replace(/,\s*([}\]])/g, '$1').replace(/[\n\r\t]+/g, ' ')) as Json, 0);
      } catch {
        /* not JSON: ignore it */
      }
    }
  }
  return { objects, byId };
}

const typesOf = (o: JsonObject): string[] => {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
};
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|LiveBlogPosting|Review|SocialMediaPosting)$/;

/** The object that describes the article itself (else the web page). */
function mainObject(objects: JsonObject[]): JsonObject | null {
  return objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPE.test(t))) ?? objects.find((o) => typesOf(o).some((t) => /WebPage$/.test(t))) ?? null;
}

const deref = (v: Json, byId: Map<string, JsonObject>): Json => {
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1) return byId.get(v['@id']) ?? v;
  return v;
};

/** Names in a schema.org author value: "A", {name: "A"}, [{name: "A"}, "B"], or an @id reference. */
function personNames(v: Json, byId: Map<string, JsonObject>): string[] {
  v = deref(v, byId);
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap((x) => personNames(x, byId));
  if (v && typeof v === 'object') {
    const name = v['name'];
    if (typeof name === 'string') return [name];
    if (Array.isArray(name)) return name.filter((x): x is string => typeof x === 'string');
    const given = [v['givenName'], v['familyName']].filter((x): x is string => typeof x === 'string');
    if (given.length) return [given.join(' ')];
  }
  return [];
}

// ─── Byline ─────────────────────────────────────────────────────────────────────────────────────────

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const isUrl = (s: string) => /^(?:https?:)?\/\//i.test(s);

// (A module constant: the bundler writes a regular expression with \p{…} outside brackets as `new RegExp(…)`, which a
// function would build again at each call.)
const LETTER = /\p{L}/u;

/** "By Jane Doe", "Par Jean Dupont" → the names; null when it does not read like a byline. */
function cleanByline(s: string | null | undefined): string | null {
  if (!s) return null;
  let t = squash(s)
    .replace(/^(?:written\s+by|reported\s+by|posted\s+by|by|par|de|texte\s*:?|auteur\s*:|author\s*:)\s+/i, '')
    .replace(/[|,;·•–—-]+\s*$/, '')
    .trim();
  t = t.replace(/\s+(?:le|on|updated|mis à jour|publié)\b.*$/i, '').trim();
  if (!t || t.length > 120 || isUrl(t) || !LETTER.test(t)) return null;
  return t;
}

const unique = (xs: string[]) => [...new Set(xs)];

/** True when the element sits in reader comments, a sidebar or another piece of page furniture. */
function inFurniture(el: Element): boolean {
  for (let n: Element | null = el; n && n.localName !== 'body'; n = n.parentElement) {
    const tag = n.localName.toLowerCase();
    if (tag === 'aside' || tag === 'nav') return true;
    const words = classWords(`${n.getAttribute('class') ?? ''} ${n.getAttribute('id') ?? ''}`);
    if (words.some((w) => /^(?:comments?|commentlist|commentaires?|respond|repl(?:y|ies)|sidebar|related\w*|widget)$/.test(w))) return true;
    if (/schema\.org\/Comment\b/i.test(n.getAttribute('itemtype') ?? '')) return true;
  }
  return false;
}

const BYLINE_CLASS_WORDS = ['byline', 'author', 'auteur', 'signature'];

function readByline(tags: MetadataElements, article: ArticleText, main: JsonObject | null, byId: Map<string, JsonObject>, metas: Metas): string | null {
  // schema.org JSON-LD: the article's author(s).
  if (main) {
    const names = unique(
      personNames(main['author'] ?? null, byId)
        .map(cleanByline)
        .filter((x): x is string => !!x),
    );
    if (names.length) return names.join(', ');
  }
  // Meta tags (article:author is often a profile URL: only a name is a byline).
  for (const key of ['author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator']) {
    for (const content of metas.get(key) ?? []) {
      const v = cleanByline(content);
      if (v) return v;
    }
  }
  // Microdata, rel=author, then elements named byline/author — near the article, never in comments.
  const near = (els: Element[]) => els.filter((el) => !inFurniture(el));
  const itemprop = near(tags.all('[itemprop~="author"]'));
  const names = unique(
    itemprop
      .map((el) => cleanByline(el.querySelector('[itemprop~="name"]')?.textContent ?? el.getAttribute('content') ?? el.textContent))
      .filter((x): x is string => !!x),
  );
  if (names.length) return names.join(', ');
  const rel = near(tags.all('a[rel~="author"]'))
    .map((el) => cleanByline(el.textContent))
    .filter((x): x is string => !!x);
  if (rel.length) return unique(rel).join(', ');
  const isBylineEl = (el: Element) =>
    classWords(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`).some((w) =>
      /^(?:byline|bylines|author|authors|auteur|auteurs|signature)$/.test(w),
    );
  const named = '[class*="byline" i],[class*="author" i],[class*="auteur" i],[class*="signature" i],[id*="byline" i]';
  // The page's elements that match it: those whose class or id holds one of its words once lower-cased (every match
  // does, and few others), confirmed by matches(). (Querying the page with it walked the whole page in linkedom.)
  const onPage = tags.everything.filter((el) => {
    const cls = el.getAttribute('class')?.toLowerCase();
    const held = (cls !== undefined && BYLINE_CLASS_WORDS.some((w) => cls.includes(w))) || !!el.getAttribute('id')?.toLowerCase().includes('byline');
    return held && el.matches(named);
  });
  const inside = (scope: Element) => onPage.filter((el) => el !== scope && scope.contains(el));
  const first = (els: Element[]) => {
    for (const el of near(els).filter(isBylineEl)) {
      const v = cleanByline(el.textContent);
      if (v) return v;
    }
    return null;
  };
  // Look in the article first, then in the <article>/<main> around it, then anywhere else on the page. (The last two
  // from one query of the page: the elements inside the one around are those of the page's it contains.)
  const root = article.roots[0];
  const inArticle = root ? first(inside(root)) : null;
  if (inArticle) return inArticle;
  const around = root?.closest('article, main, [role="main"]');
  return (around ? first(inside(around)) : null) ?? first(onPage);
}

// ─── Publication date ───────────────────────────────────────────────────────────────────────────────

/**
 * ISO 8601 when the date can be read: with a time zone → UTC ("2024-08-12T09:14:00.000Z"); a date alone
 * stays a date ("2021-10-02"); a local date-time without zone is kept as written. Otherwise the text as is.
 */
export function normaliseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = squash(raw);
  if (!s) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(s)) return s.replace(' ', 'T');
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|[ECMP][SD]T)\b)$/i.test(s) || /[+-]\d{4}\b/.test(s);
  const t = Date.parse(s);
  if (Number.isNaN(t)) return s;
  const d = new Date(t);
  if (hasZone) return d.toISOString();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function readPublished(tags: MetadataElements, article: ArticleText, main: JsonObject | null, metas: Metas): string | null {
  const meta = firstMeta(metas, [
    'article:published_time',
    'datepublished',
    'og:article:published_time',
    'pubdate',
    'publishdate',
    'publish-date',
    'date',
    'dc.date.issued',
    'dc.date',
    'dcterms.created',
    'dcterms.issued',
    'parsely-pub-date',
    'sailthru.date',
  ]);
  if (meta) return normaliseDate(meta);
  const ld = main?.['datePublished'] ?? main?.['dateCreated'];
  if (typeof ld === 'string' && ld.trim()) return normaliseDate(ld);
  for (const el of tags.all('[itemprop~="datePublished"]')) {
    if (inFurniture(el)) continue;
    const v = el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent;
    if (v?.trim()) return normaliseDate(v);
  }
  // A <time datetime> in the article or its header (the nearest <article>/<main> around the body).
  const scopes: Element[] = [];
  for (const root of article.roots) {
    scopes.push(root);
    const around = root.closest('article, main, [role="main"]');
    if (around && !scopes.includes(around)) scopes.push(around);
  }
  for (const scope of scopes) {
    for (const el of Array.from(scope.querySelectorAll('time[datetime]'))) {
      if (inFurniture(el)) continue;
      const v = el.getAttribute('datetime');
      if (v?.trim()) return normaliseDate(v);
    }
  }
  const pub = tags.all('time[pubdate]').find((el) => !inFurniture(el));
  return pub ? normaliseDate(pub.getAttribute('datetime') ?? pub.textContent) : null;
}

// ─── Outbound links ─────────────────────────────────────────────────────────────────────────────────

function canonicalUrl(tags: MetadataElements, metas: Metas): string | null {
  const v = tags.first('link[rel="canonical"]')?.getAttribute('href') ?? metas.get('og:url')?.[0];
  return v && /^https?:\/\//i.test(v.trim()) ? v.trim() : null;
}

/** The site a host belongs to: "www.lemonde.fr" and "abonnes.lemonde.fr" are both lemonde.fr. */
export function siteOf(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const [sld, tld] = labels.slice(-2) as [string, string];
  const keep = tld.length === 2 && sld.length <= 3 && /^(?:co|com|net|org|gov|gouv|ac|edu|ne|or|go)$/.test(sld) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** Share buttons are not sources. */
const SHARE_LINK =
  /^(?:https?:)?\/\/(?:[\w-]+\.)*(?:facebook\.com\/(?:sharer|share|dialog)|twitter\.com\/(?:intent|share|home\?status)|x\.com\/(?:intent|share)|(?:www\.)?linkedin\.com\/(?:shareArticle|sharing|cws\/share)|plus\.google\.com\/share|pinterest\.\w+\/pin\/create|reddit\.com\/submit|news\.ycombinator\.com\/submitlink|api\.whatsapp\.com\/send|wa\.me\/|web\.whatsapp\.com\/send|t\.me\/share|telegram\.me\/share|getpocket\.com\/(?:save|edit)|bsky\.app\/intent|mastodon\.social\/share|(?:www\.)?tumblr\.com\/share|flipboard\.com\/bookmarklet|vk\.com\/share|buffer\.com\/add|mail\.google\.com\/mail)/i;

/**
 * The outlet's own sites: the page's address, and the addresses the page gives for itself (canonical, og:url, the
 * JSON-LD article's url and publisher's url). A copy of an article read elsewhere (an AMP cache, a saved page, a
 * mirror) still links to its outlet's own related content, which is not a source.
 */
function ownSites(pageUrl: string | undefined, tags: MetadataElements, metas: Metas, main: JsonObject | null): Set<string> {
  const publisher = main?.['publisher'];
  const candidates: Json[] = [
    pageUrl ?? null,
    canonicalUrl(tags, metas),
    main?.['url'] ?? null,
    publisher && typeof publisher === 'object' && !Array.isArray(publisher) ? (publisher['url'] ?? null) : null,
  ];
  const sites = new Set<string>();
  for (const candidate of candidates) {
    const url = typeof candidate === 'string' ? safeUrl(candidate.trim()) : null;
    if (url && (url.protocol === 'http:' || url.protocol === 'https:')) sites.add(siteOf(url.hostname));
  }
  return sites;
}

function readLinks(article: ArticleText, base: string | undefined, own: Set<string>): PageSignals['links'] {
  const seen = new Set<string>();
  const links: PageSignals['links'] = [];
  for (const root of article.roots) {
    for (const a of Array.from(root.querySelectorAll('a[href]'))) {
      const raw = a.getAttribute('href')!.trim();
      if (!raw || raw.startsWith('#') || /^(?:javascript|mailto|tel|sms|data):/i.test(raw) || SHARE_LINK.test(raw)) continue;
      const url = safeUrl(raw, base);
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) continue;
      // Links to the outlet's own sites are its related content; a relative link with no known address is too.
      if (own.has(siteOf(url.hostname)) || (!own.size && !/^(?:https?:)?\/\//i.test(raw))) continue;
      if (isFurnitureInside(a, root)) continue;
      const href = url.href;
      if (seen.has(href)) continue;
      seen.add(href);
      const text = squash(a.textContent ?? '') || squash(a.getAttribute('title') ?? a.getAttribute('aria-label') ?? '');
      links.push({ href, text, host: url.hostname.toLowerCase() });
    }
  }
  return links;
}

/** A link inside a share bar, a "related" box or hidden text of the article body does not count. */
function isFurnitureInside(el: Element, root: Element): boolean {
  for (let n: Element | null = el; n && n !== root; n = n.parentElement) {
    const tag = n.localName.toLowerCase();
    const v = judgeElement(n, tag);
    if (v !== Verdict.Keep) return true;
  }
  return false;
}

function safeUrl(href: string, base?: string): URL | null {
  try {
    return base ? new URL(href, base) : new URL(href);
  } catch {
    return null;
  }
}

// ─── Policies ───────────────────────────────────────────────────────────────────────────────────────

/** A policy stated as a URL or as text, from JSON-LD (the article, its publisher, any organisation), microdata or meta/link tags. */
function readPolicy(
  tags: MetadataElements,
  name: 'unnamedSourcesPolicy' | 'correctionsPolicy',
  main: JsonObject | null,
  objects: JsonObject[],
  base: string | undefined,
  metas: Metas,
): string | null {
  const fromJson = (v: Json | undefined): string | null => {
    if (typeof v === 'string') return v.trim() || null;
    if (Array.isArray(v)) {
      for (const x of v) {
        const r = fromJson(x);
        if (r) return r;
      }
      return null;
    }
    if (v && typeof v === 'object') return fromJson(v['url'] ?? v['@id'] ?? v['text'] ?? v['name']);
    return null;
  };
  const resolve = (v: string | null) => {
    if (!v) return null;
    if (isUrl(v) || v.startsWith('/')) return safeUrl(v, base)?.href ?? v;
    return squash(v);
  };
  const ordered = main ? [main, main['publisher'], main['sourceOrganization']] : [];
  for (const o of ordered) {
    if (o && typeof o === 'object' && !Array.isArray(o)) {
      const r = fromJson(o[name]);
      if (r) return resolve(r);
    }
  }
  for (const o of objects) {
    const r = fromJson(o[name]);
    if (r) return resolve(r);
  }
  const meta = metas.get(name.toLowerCase())?.[0];
  if (meta) return resolve(meta);
  for (const el of tags.all(`[itemprop~="${name}"], link[rel~="${name}"]`)) {
    const v = el.getAttribute('href') ?? el.getAttribute('content') ?? el.textContent;
    if (v?.trim()) return resolve(v.trim());
  }
  return null;
}
