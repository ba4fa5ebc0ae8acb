// What an element's tag, attributes, class and id say about it, before any text is read: never text
// (scripts, forms, hidden), page furniture (menus, comments, share bars, "most read"…), or a hint that
// it holds the article. Pure functions of one element: no layout reads, no querySelector.

/** Elements whose content is never article text. */
const NEVER_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'picture',
  'map',
  'select',
  'option',
  'datalist',
  'textarea',
  'input',
  'button',
  'label',
  'output',
  'meter',
  'progress',
  'nav',
  'aside',
  'footer',
  'figcaption',
  'head',
  'title',
  'meta',
  'link',
  'dialog',
  'menu',
  'fieldset',
  'legend',
  'slot',
  'frame',
  'frameset',
]);

/** Landmark roles that are page furniture. */
const FURNITURE_ROLES = new Set([
  'navigation',
  'complementary',
  'contentinfo',
  'banner',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
  'toolbar',
  'tablist',
  'form',
  'button',
  'tooltip',
  'status',
  'marquee',
]);

/** Inline elements: their text runs on with the text around them inside one paragraph. */
export const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'kbd',
  'mark',
  'nobr',
  'q',
  'rp',
  'rt',
  'ruby',
  'u',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'var',
  'wbr',
  'acronym',
  'abbr',
  'br',
]);

/**
 * Class/id words of page furniture. Matched against whole words of the class and id ("td-post-sharing" →
 * td, post, sharing; "ArticleBody-byline" → article, body, byline), so "tag-mali" or "header" do not match.
 * Furniture: comments, sharing, related and recommended links, newsletters, ads, "most read", cookie banners.
 * Meta: byline, dates, credits and captions — page signals read them; they are not article sentences.
 * Hover cards (tooltip, popover, "rollover" boxes on a name) show only under the pointer: not read in the sentence.
 */
const FURNITURE_WORD =
  /^(?:comments?|commentlist|commentaires?|commentform|disqus\w*|respond|repl(?:y|ies)|reactions?|shar(?:e|es|ing|ebar|ethis|edaddy)|social\w*|addthis|related\w*|recommend\w*|recommand\w*|recirc\w*|onward|readnext|readmore|aussi|alire|newsletters?|subscribe|subscription|signup|promos?|promoted|promotion\w*|sponsor\w*|advert\w*|ads?|adslot|adunit|adv|pub|publicite|dfp|outbrain|taboola|zergnet|ligatus|plista|cookies?|consent|gdpr|popup|modal|overlay|breadcrumbs?|pagination|pager|tags|tagcloud|trending|popular|mostread|most|masthead|footer|navbar|nav|navigation|menu|skip|toolbar|tools|byline|bylines|authors?|signature|dateline|timestamp|date|time|updated|published|meta|metadata|caption|credits?|copyright|readtime|sidebar|rail|login|banner|tooltip|popover|hovercard|rollover)$/;

/** Sidebar-like words that page builders also put on content wrappers: ignored when a content word is present. */
const WEAK_FURNITURE = new Set(['sidebar', 'rail', 'banner', 'overlay', 'modal', 'tools', 'meta']);
const CONTENT_WORD = /^(?:article|content|body|main|post|entry|story|text|hentry)$/;

/** Words that, followed by a body word, name the article's text: "article-body", "storyContent", "entry-content". */
const BODY_OWNER = new Set(['article', 'story', 'post', 'entry', 'news', 'blog', 'single']);
const BODY_PART = new Set(['body', 'content', 'text', 'copy']);
const EMBED_WORD = /^(?:embed|embedded|tweet|twitter|instagram)$/;
function namesArticleBody(words: string[]): boolean {
  for (let i = 0; i + 1 < words.length; i++) if (BODY_OWNER.has(words[i]!) && BODY_PART.has(words[i + 1]!)) return true;
  return words.includes('articlebody') || words.includes('storybody');
}

/** Hidden by a utility class (screen-reader-only text, "d-none"): the class string, not words. */
const HIDDEN_CLASS =
  /(?:^|\s)(?:hidden|is-hidden|u-hidden|visually-?hidden|visuallyhidden|sr-only|screen-reader-text|screenreader-only|d-none|hide|offscreen)(?:\s|$)/i;
/** A quick look before parsing the declarations: styles without these words cannot hide anything. */
const MAY_HIDE = /display|visibility|opacity|font-size|width|height|position|clip|transform/i;

/**
 * Inline styles that hide their text from the reader (a page may hide markers this way to game the score):
 * display:none, visibility:hidden/collapse, content-visibility:hidden, opacity:0, font-size:0, a zero-size box
 * that clips its content, a box thrown far off-screen, a zero clip, scale(0). In a browser the content script's
 * isHidden hook also sees what stylesheets do; without layout (the CLI) inline styles are what can be seen.
 */
export function hiddenByStyle(style: string): boolean {
  if (!MAY_HIDE.test(style)) return false;
  const css = new Map<string, string>();
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0)
      css.set(
        declaration.slice(0, colon).trim().toLowerCase(),
        declaration
          .slice(colon + 1)
          .replace(/!important/i, '')
          .trim()
          .toLowerCase(),
      );
  }
  const zero = (v: string | undefined) => v !== undefined && /^-?0*\.?0*(?:px|em|rem|%|pt|vh|vw)?$/.test(v) && /0/.test(v);
  const farOff = (v: string | undefined) => v !== undefined && /^-\d{4,}(?:\.\d+)?px$/.test(v);
  if (css.get('display') === 'none') return true;
  if (['hidden', 'collapse'].includes(css.get('visibility') ?? '') || css.get('content-visibility') === 'hidden') return true;
  if (zero(css.get('opacity')) || zero(css.get('font-size'))) return true;
  const clips = ['hidden', 'clip'].includes(css.get('overflow') ?? '') || ['hidden', 'clip'].includes(css.get('overflow-y') ?? '');
  if (clips && (zero(css.get('width')) || zero(css.get('height')) || zero(css.get('max-height')) || zero(css.get('max-width')))) return true;
  const positioned = ['absolute', 'fixed'].includes(css.get('position') ?? '');
  if (positioned && (farOff(css.get('left')) || farOff(css.get('top')) || farOff(css.get('right')))) return true;
  if (/^rect\(\s*0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?\s*\)$/.test(css.get('clip') ?? '')) return true;
  if (/^inset\(\s*(?:50|100)%\s*\)$/.test(css.get('clip-path') ?? '')) return true;
  return /^scale\(\s*0(?:\s*,\s*0)?\s*\)$/.test(css.get('transform') ?? '');
}

/** Elements that are the article whatever their classes say (schema.org types, microformats). */
const ARTICLE_TYPE = /schema\.org\/(?:\w*Article|BlogPosting|Report|LiveBlogPosting|Review)\b/i;

/** Class/id words of a standfirst (chapô, lead, dek) and of a kicker label. */
export const STANDFIRST_WORD =
  /^(?:chapo|chapeau|chap[oô]|lead|leadin|standfirst|intro|introduction|summary|dek|deck|subtitle|subhead|subheadline|surtitre|soustitre|sous|excerpt|description|teaser|strapline|strap|sapo|abstract|kicker|overline|eyebrow|label)$/;

const wordCache = new Map<string, string[]>();

/** Lower-case words of a class or id: split on punctuation and on camelCase humps. */
export function classWords(value: string): string[] {
  let words = wordCache.get(value);
  if (!words) {
    words = value
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1);
    if (wordCache.size > 5000) wordCache.clear();
    wordCache.set(value, words);
  }
  return words;
}

export const enum Verdict {
  /** Read it. */
  Keep = 0,
  /** Never text: skip the element and everything in it. */
  Skip = 1,
  /** Page furniture by its class/id/itemprop: skip unless it holds the headline or the article body. */
  Furniture = 2,
}

/**
 * Classifies one element. `tag` is its lower-case local name. `isHidden` is the caller's hook (the content
 * script passes a check on computed style); the core itself never reads layout.
 */
export function judgeElement(el: Element, tag: string, isHidden?: (el: Element) => boolean): Verdict {
  if (NEVER_TEXT.has(tag)) return Verdict.Skip;
  // hidden="until-found" is collapsed text the reader can open (and find): it is still the article's.
  const hidden = el.getAttribute('hidden');
  if (hidden !== null && hidden !== 'until-found') return Verdict.Skip;
  const style = el.getAttribute('style');
  if (style && hiddenByStyle(style)) return Verdict.Skip;
  const cls = el.getAttribute('class') ?? '';
  if (cls && HIDDEN_CLASS.test(cls)) return Verdict.Skip;
  if (isHidden?.(el)) return Verdict.Skip;
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role.toLowerCase())) return Verdict.Skip;
  // Forms are comment boxes, newsletters and search — but some sites wrap the whole page in one.
  if (tag === 'form') return Verdict.Furniture;
  // aria-hidden: a modal library may set it on the whole page while a cookie box is open, so it is only
  // furniture (the headline/body guard applies), not a hard skip.
  if (el.getAttribute('aria-hidden') === 'true') return Verdict.Furniture;
  const itemtype = el.getAttribute('itemtype');
  if (itemtype) {
    if (ARTICLE_TYPE.test(itemtype)) return Verdict.Keep;
    if (/schema\.org\/(?:Comment|WPSideBar|WPFooter|WPHeader|SiteNavigationElement|WPAdBlock)\b/i.test(itemtype)) return Verdict.Furniture;
  }
  // Component names that some templates use instead of classes (data-component="ad-slot").
  const id = `${el.getAttribute('id') ?? ''} ${el.getAttribute('data-component') ?? ''} ${el.getAttribute('data-testid') ?? ''}`.trim();
  if (!cls && !id) return Verdict.Keep;
  const words = cls ? (id ? [...classWords(cls), ...classWords(id)] : classWords(cls)) : classWords(id);
  if (words.includes('hentry')) return Verdict.Keep;
  // A name that says "article body" ("article-body pagination-first", "story-body has-comments") is the
  // article whatever other words sit beside it; so is a post the article embeds (a tweet, an Instagram post
  // in a "social-embed" box): the reader sees it as part of the article.
  if (namesArticleBody(words) || words.some((w) => EMBED_WORD.test(w))) return words.some((w) => COMMENT_WORD.test(w)) ? Verdict.Furniture : Verdict.Keep;
  let weak = false;
  let strong = false;
  for (const w of words) {
    if (FURNITURE_WORD.test(w)) {
      if (WEAK_FURNITURE.has(w)) weak = true;
      else strong = true;
    }
  }
  if (strong) return Verdict.Furniture;
  if (weak && !words.some((w) => CONTENT_WORD.test(w))) return Verdict.Furniture;
  return Verdict.Keep;
}

/** True when the element's class or id names a standfirst or kicker. */
export function looksLikeStandfirst(el: Element): boolean {
  const cls = (el.getAttribute('class') ?? '') + ' ' + (el.getAttribute('id') ?? '');
  return classWords(cls).some((w) => STANDFIRST_WORD.test(w));
}

/** Which kind of leftover a skipped element is, for the count the panel shows; null for what is never text. */
export type LeftoverKind = 'menus' | 'comments' | 'captions' | 'related' | 'promos' | 'hidden';

const MENU_TAGS = new Set(['nav', 'menu', 'footer', 'header']);
const MENU_ROLES = /^(?:navigation|menu|menubar|banner|contentinfo|search|toolbar|tablist)$/i;
const COMMENT_WORD = /^(?:comments?|commentlist|commentaires?|commentform|disqus\w*|respond|repl(?:y|ies)|reactions?)$/;
const CAPTION_WORD = /^(?:caption|credits?|copyright)$/;
const RELATED_WORD = /^(?:related\w*|recommend\w*|recommand\w*|recirc\w*|onward|readnext|readmore|aussi|alire|trending|popular|mostread|most|tags|tagcloud)$/;
const MENU_WORD = /^(?:masthead|footer|navbar|nav|navigation|menu|breadcrumbs?|pagination|pager|skip|toolbar|sidebar|rail)$/;

/**
 * Names the kind of a skipped element (called only for elements the walk leaves out, so its cost is that of the
 * regions skipped, not of the page). Scripts, styles and form controls are not leftovers (null): they were never text.
 */
export function leftoverKind(el: Element, tag: string, verdict: Verdict): LeftoverKind | null {
  if (tag === 'figcaption') return 'captions';
  if (MENU_TAGS.has(tag)) return 'menus';
  if (tag === 'aside') return 'related';
  if (NEVER_TEXT.has(tag)) return null;
  const hidden = el.getAttribute('hidden');
  const style = el.getAttribute('style');
  const cls = el.getAttribute('class') ?? '';
  if ((hidden !== null && hidden !== 'until-found') || (style && hiddenByStyle(style)) || (cls && HIDDEN_CLASS.test(cls))) return 'hidden';
  const role = el.getAttribute('role');
  if (role && MENU_ROLES.test(role)) return 'menus';
  if (/schema\.org\/Comment\b/i.test(el.getAttribute('itemtype') ?? '')) return 'comments';
  const words = classWords(`${cls} ${el.getAttribute('id') ?? ''} ${el.getAttribute('data-component') ?? ''}`);
  if (words.some((w) => COMMENT_WORD.test(w))) return 'comments';
  if (words.some((w) => CAPTION_WORD.test(w))) return 'captions';
  if (words.some((w) => RELATED_WORD.test(w))) return 'related';
  if (words.some((w) => MENU_WORD.test(w))) return 'menus';
  if (role === 'complementary') return 'related';
  // Skipped with no word for it: hidden by the page's stylesheet (the content script's hook) or a dialog.
  return verdict === Verdict.Skip && !role ? 'hidden' : 'promos';
}
