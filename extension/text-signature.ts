// A cheap fingerprint of the article's text: the content script compares it before deciding to re-analyse.

/** FNV-1a over the text: enough to tell "the article changed" from "something else on the page changed". */
export function textSignature(texts: readonly string[]): string {
  let hash = 0x811c9dc5;
  let length = 0;
  for (const text of texts) {
    length += text.length;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return `${length}:${(hash >>> 0).toString(36)}`;
}

/** The article's current text signature, or null when its elements left the page (an app swapped them). */
export function articleSignature(roots: readonly Element[]): string | null {
  if (!roots.length || roots.some((root) => !root.isConnected)) return null;
  return textSignature(roots.map((root) => root.textContent ?? ''));
}
