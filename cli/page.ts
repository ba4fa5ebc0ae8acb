// Parsing a saved page for the CLI (and the tests that run it in-process). linkedom is not a browser's HTML
// parser: a browser makes one <html> with one <body> out of any tag soup, linkedom does not, and two
// malformed shapes found on real saved pages left it with an empty body (the article then "not found"):
// scripts pasted before the <!DOCTYPE> (linkedom makes the first <script> the root), and a stray element
// before <head> (document.body is then an empty element while the page's <body>, with the text, sits after a second <head>).
import { parseHTML } from 'linkedom';

export function parsePage(html: string): Document {
  let { document } = parseHTML(html);
  if (document.documentElement && document.documentElement.localName !== 'html') {
    const at = html.search(/<!doctype html|<html[\s>]/i);
    if (at > 0) ({ document } = parseHTML(html.slice(at)));
  }
  const root = document.documentElement;
  const bodies = root ? (Array.from(root.childNodes).filter((c) => c.nodeType === 1 && (c as Element).localName === 'body') as Element[]) : [];
  if (root && bodies.length && !document.body?.textContent?.trim()) {
    // Parse again with only the body a browser would show, the one with the text, and the page's <head>s.
    const main = bodies.reduce((x, y) => ((y.textContent?.length ?? 0) > (x.textContent?.length ?? 0) ? y : x));
    const heads = Array.from(root.childNodes).filter((c) => c.nodeType === 1 && (c as Element).localName === 'head') as Element[];
    const lang = root.getAttribute('lang');
    ({ document } = parseHTML(
      `<!DOCTYPE html><html${lang ? ` lang="${lang.replace(/"/g, '')}"` : ''}><head>${heads.map((h) => h.innerHTML).join('')}</head>${main.outerHTML}</html>`,
    ));
  }
  return document as unknown as Document;
}
