// Synthetic articles of a chosen text size, built from the corpus's own article paragraphs: the rules meet the
// same sentences (markers included) as on real pages, only more of them. Deterministic: the same size always
// gives the same page, so runs compare.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../analyser/extract';
import { detectLanguage } from '../../analyser/language';

export interface CorpusPage {
  name: string;
  file: string;
  html: string;
}

export function corpusPages(dir: string): CorpusPage[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => ({ name: name.replace(/\.html$/, ''), file: join(dir, name), html: readFileSync(join(dir, name), 'utf8') }));
}

/** The article paragraphs of the corpus's French pages (the analyser's own extraction picks them). */
export function corpusParagraphs(pages: CorpusPage[]): string[] {
  const paragraphs: string[] = [];
  for (const page of pages) {
    const { document } = parseHTML(page.html);
    const doc = document as unknown as Document;
    const article = extractArticle(doc);
    if (detectLanguage(doc, article.text) !== 'fr') continue;
    for (const block of article.blocks) {
      const text = article.text.slice(block.start, block.end).replace(/\s+/g, ' ').trim();
      if (block.kind === 'paragraph' && text.length >= 80) paragraphs.push(text);
    }
  }
  if (paragraphs.length === 0) throw new Error('No French article paragraph found in the corpus');
  return paragraphs;
}

/** mulberry32: a small seeded generator, so the shuffles are the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface SyntheticPage {
  html: string;
  /** UTF-8 bytes of the article's paragraphs (the size the scaling is plotted against). */
  textBytes: number;
  paragraphs: number;
}

/**
 * A news page with its usual chrome (menu, "most read" sidebar, comments) around an article whose paragraphs,
 * drawn from the corpus in a seeded shuffled order, add up to `targetBytes` of text. Every 12 paragraphs an
 * intertitle, as long articles have.
 */
export function syntheticPage(paragraphs: string[], targetBytes: number, seed = 1): SyntheticPage {
  const next = random(seed);
  const body: string[] = [];
  let bytes = 0;
  let count = 0;
  let pool: string[] = [];
  while (bytes < targetBytes) {
    if (pool.length === 0) {
      pool = [...paragraphs];
      for (let i = pool.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
    }
    let text = pool.pop()!;
    const room = targetBytes - bytes;
    // The last paragraph is cut at a word so that small sizes (1 KB) land on their target.
    if (Buffer.byteLength(text) > room) text = text.slice(0, Math.max(room, 40)).replace(/\s+\S*$/, '') + '.';
    if (count > 0 && count % 12 === 0) body.push(`<h2>Partie ${count / 12 + 1}</h2>`);
    body.push(`<p>${escapeHtml(text)}</p>`);
    bytes += Buffer.byteLength(text);
    count++;
  }
  const html = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Sahel : ce que l’on sait | Le Quotidien du Banc d’Essai</title>
<meta property="og:site_name" content="Le Quotidien du Banc d’Essai"></head>
<body>
<header class="site-header"><nav><ul><li><a href="/">Accueil</a></li><li><a href="/exclusif">Exclusif</a></li><li><a href="/monde">Monde</a></li></ul></nav></header>
<main>
<article>
<h1>Sahel : ce que l’on sait</h1>
<p class="byline">Par <a rel="author" href="/auteurs/a-redaction">La Rédaction</a>, <time datetime="2026-01-12T08:00:00Z">12 janvier 2026</time></p>
${body.join('\n')}
</article>
<aside class="sidebar"><h3>Les plus lus</h3><ul><li><a href="/1">Selon des experts, la crise aurait été évitée</a></li><li><a href="/2">Les révélations de nos sources</a></li></ul></aside>
<section id="comments" class="comments"><h3>Commentaires</h3><div class="comment"><p>Selon mes sources, tout ceci aurait été inventé.</p></div></section>
</main>
<footer class="site-footer"><p>© Le Quotidien du Banc d’Essai</p></footer>
</body></html>`;
  return { html, textBytes: bytes, paragraphs: count };
}

export const KB = 1024;
export const MB = 1024 * 1024;

export function sizeLabel(bytes: number): string {
  if (bytes >= MB) return `${+(bytes / MB).toFixed(1)} MB`;
  if (bytes >= KB) return `${+(bytes / KB).toFixed(1)} KB`;
  return `${bytes} B`;
}
