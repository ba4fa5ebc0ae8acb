import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../analyser/extract';
import { domPosition, type ArticleText } from '../analyser/article';

const dom = (html: string) => parseHTML(html).document as unknown as Document;
const page = (body: string, head = '') => dom(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);

/** Two paragraphs of prose, long enough to be an article body. */
const PROSE = [
  'Le ministre des Affaires étrangères a annoncé jeudi, lors d’une conférence de presse à Paris, que les discussions avec ses homologues reprendraient la semaine prochaine.',
  'Selon le communiqué publié dans la soirée, les deux délégations se retrouveront à Genève pour une nouvelle série d’entretiens, sans calendrier précis pour un accord.',
];
const prose = PROSE.map((p) => `<p>${p}</p>`).join('\n');

/** Every piece maps its characters back to its text node exactly, in order, without overlap. */
function expectExactMapping(a: ArticleText) {
  let last = 0;
  for (const p of a.pieces) {
    expect(p.start).toBeGreaterThanOrEqual(last);
    expect(p.end).toBeGreaterThan(p.start);
    expect(a.text.slice(p.start, p.end)).toBe(p.node.data.slice(p.nodeOffset, p.nodeOffset + p.end - p.start));
    last = p.end;
  }
}

/** Text of the article that no piece covers: only block separators and made-up spaces may be unmapped. */
function unmapped(a: ArticleText): string {
  let out = '';
  let at = 0;
  for (const p of a.pieces) {
    out += a.text.slice(at, p.start);
    at = p.end;
  }
  return out + a.text.slice(at);
}

const blockTexts = (a: ArticleText) => a.blocks.map((b) => a.text.slice(b.start, b.end));

describe('extractArticle: what belongs to the article', () => {
  it('puts the headline and the standfirst first, then the body', () => {
    const a = extractArticle(
      page(`<header><nav><a href="/">Accueil</a></nav></header>
        <article><header><span class="kicker">Exclusif</span><h1>Les négociations reprennent à Genève</h1>
        <p class="chapo">Paris et Alger ont convenu de reprendre le dialogue, une première depuis deux ans.</p>
        <div class="byline">Par <a href="/auteur/x">Jeanne Martin</a></div></header>
        <div class="article-body">${prose}</div></article>`),
    );
    expect(a.blocks.map((b) => b.kind)).toEqual(['label', 'headline', 'standfirst', 'paragraph', 'paragraph']);
    expect(blockTexts(a).slice(0, 3)).toEqual([
      'Exclusif',
      'Les négociations reprennent à Genève',
      'Paris et Alger ont convenu de reprendre le dialogue, une première depuis deux ans.',
    ]);
    expect(a.title).toBe('Les négociations reprennent à Genève');
    expect(a.text).not.toContain('Jeanne Martin');
    expect(a.text).not.toContain('Accueil');
    expect(a.posts).toBe(1);
  });

  it('leaves out reader comments, even when they are <article> elements with paragraphs', () => {
    const a = extractArticle(
      page(`<article class="post"><h1>Un titre d’article assez long</h1><div class="entry-content">${prose}</div></article>
        <div id="comments" class="comments-area"><ol class="comment-list">
          <li class="comment"><article class="comment-body"><p>Selon nos sources, tout cela est faux et archi faux, croyez-moi bien, je le sais de source sûre.</p></article></li>
          <li class="comment"><article class="comment-body"><p>Wagner aurait recruté 500 hommes au Sahel, tout le monde le sait depuis longtemps déjà ici.</p></article></li>
        </ol></div>`),
    );
    expect(a.text).toContain(PROSE[0]);
    expect(a.text).not.toContain('archi faux');
    expect(a.text).not.toContain('Wagner aurait recruté');
  });

  it('leaves out image captions and photo credits', () => {
    const a = extractArticle(
      page(`<article><h1>Titre de l’article du jour</h1>
        <figure><img src="x.jpg" alt="Un soldat, selon nos sources"><figcaption>Le ministre aurait quitté la salle. Photo AFP</figcaption></figure>
        <p>${PROSE[0]}</p><div class="image"><img src="y.jpg"><span class="credit">© Reuters / John Doe</span></div><p>${PROSE[1]}</p></article>`),
    );
    expect(a.text).toContain(PROSE[1]);
    expect(a.text).not.toContain('aurait quitté la salle');
    expect(a.text).not.toContain('Reuters / John Doe');
    expect(a.text).not.toContain('selon nos sources');
  });

  it('leaves out hidden text, templates, scripts and forms', () => {
    const a = extractArticle(
      page(`<article><h1>Titre de l’article du jour</h1>
        <p>${PROSE[0]}<span style="display:none"> texte caché une</span><span hidden> texte caché deux</span></p>
        <div aria-hidden="true"><p>Texte caché trois, assez long pour être pris pour un paragraphe d’article.</p></div>
        <p style="visibility: hidden">Texte caché quatre, assez long pour être pris pour un paragraphe.</p>
        <template><p>Texte caché cinq, dans un modèle que le navigateur n’affiche jamais.</p></template>
        <script>var x = "Texte caché six";</script><style>p { color: red }</style><noscript>Texte caché sept</noscript>
        <form><p>Inscrivez-vous à la lettre d’information pour recevoir nos révélations chaque matin.</p><button>S’abonner</button></form>
        <p class="sr-only">Texte caché huit pour lecteurs d’écran</p>
        <p>${PROSE[1]}</p></article>`),
    );
    expect(blockTexts(a)).toEqual(['Titre de l’article du jour', PROSE[0], PROSE[1]]);
  });

  it('asks the caller’s isHidden hook (computed style in the browser)', () => {
    const doc = page(
      `<article><h1>Titre de l’article du jour</h1><p>${PROSE[0]}</p><p class="js-collapsed">Un paragraphe replié par une feuille de style que seul le navigateur connaît.</p><p>${PROSE[1]}</p></article>`,
    );
    const a = extractArticle(doc, { isHidden: (el) => el.classList.contains('js-collapsed') });
    expect(a.text).not.toContain('replié');
    expect(a.text).toContain(PROSE[1]);
  });

  it('leaves out menus, sidebars, "most read" lists, share bars, newsletter and cookie boxes, related links and footers', () => {
    const a = extractArticle(
      page(`<div class="cookie-banner"><p>Nous utilisons des cookies pour améliorer votre expérience sur ce site, acceptez-vous ?</p></div>
        <nav><ul><li><a href="/exclusif">Exclusif</a></li></ul></nav>
        <main><article><h1>Titre de l’article du jour</h1>
          <div class="share-bar"><a href="https://facebook.com/share">Partager</a> <span>Partager sur les réseaux sociaux ce contenu important</span></div>
          ${prose}
          <div class="related-articles"><h3>À lire aussi</h3><p>Selon des experts, la crise va durer encore de longues années dans toute la région.</p></div>
          <div class="newsletter-box"><p>Recevez chaque matin nos informations exclusives dans votre boîte aux lettres.</p></div>
        </article></main>
        <aside class="sidebar"><h4>Les plus lus</h4><p>Wagner aurait recruté 500 hommes au Sahel selon une source sécuritaire locale.</p></aside>
        <div class="most-read"><ol><li><a href="/a">Les révélations de nos sources sur le Sahel</a></li></ol></div>
        <footer><p>Copyright © 2024. Tous droits réservés. Reproduction interdite sans autorisation.</p></footer>`),
    );
    expect(blockTexts(a)).toEqual(['Titre de l’article du jour', ...PROSE]);
  });

  it('drops blocks that are mostly links inside the body ("read also")', () => {
    const a = extractArticle(
      page(
        `<article><h1>Titre de l’article du jour</h1>${prose}<p>Lire aussi : <a href="/x">Les révélations de nos sources sur le Sahel et au-delà</a></p></article>`,
      ),
    );
    expect(a.text).not.toContain('révélations');
  });

  it('prefers the article over teaser cards with summaries further down', () => {
    const teasers = Array.from(
      { length: 6 },
      (_, i) =>
        `<div class="card"><h3><a href="/t${i}">Un autre sujet numéro ${i} dont le titre est long</a></h3><p>Un résumé de l’autre sujet, qui aurait pu être un paragraphe d’article, numéro ${i}.</p></div>`,
    ).join('');
    const a = extractArticle(
      page(`<div class="wrap"><article><h1>Titre de l’article du jour</h1>${prose}${prose}</article><div class="cards">${teasers}</div></div>`),
    );
    expect(a.text).toContain(PROSE[0]);
    expect(a.text).not.toContain('Un résumé de l’autre sujet');
  });

  it('keeps a short article whose body also holds a list of links, rather than a paragraph elsewhere', () => {
    const links = Array.from({ length: 5 }, (_, i) => `<li><a href="/x${i}">Un autre article du site sur le même sujet, numéro ${i}</a></li>`).join('');
    const header =
      '<div class="top"><a href="/">Le Quotidien</a> <a href="/politique">Politique</a> <a href="/monde">Monde</a> <a href="/economie">Économie</a></div>';
    const a = extractArticle(
      page(
        `${header}<article><h1>Titre de l’article du jour</h1><p>${PROSE[0]}</p><ul>${links}</ul><p>${PROSE[1]}</p><p class="tags"><a href="/t/diplomatie">Diplomatie</a> <a href="/t/geneve">Genève</a></p></article><div class="box"><p>Un paragraphe ailleurs sur la page, qui parle d’autre chose que de l’article.</p></div>`,
      ),
    );
    expect(blockTexts(a)).toEqual(['Titre de l’article du jour', ...PROSE]);
  });

  it('reads a page-wide <form> (ASP.NET) and a wrapper hidden by a modal as the article they hold', () => {
    const a = extractArticle(
      page(
        `<form id="aspnetForm"><div id="app" aria-hidden="true"><article><h1>Titre de l’article du jour</h1>${prose}</article></div></form><div role="dialog"><p>Acceptez-vous les cookies de nos partenaires publicitaires ?</p></div>`,
      ),
    );
    expect(blockTexts(a)).toEqual(['Titre de l’article du jour', ...PROSE]);
  });

  it('finds the headline above the body when it sits in another container, and its standfirst', () => {
    const a = extractArticle(
      page(
        `<div class="hero"><div class="meta"><time datetime="2024-01-01">1 janvier 2024</time></div><h1>Le titre dans un bandeau</h1></div>
        <div class="grid"><div class="col"><p class="lead">Un chapô de plus de six mots qui résume l’article.</p><div class="story">${prose}</div></div></div>`,
        '<title>Le titre dans un bandeau | Le Quotidien</title>',
      ),
    );
    expect(blockTexts(a).slice(0, 2)).toEqual(['Le titre dans un bandeau', 'Un chapô de plus de six mots qui résume l’article.']);
    expect(a.blocks[0]!.kind).toBe('headline');
    expect(a.blocks[1]!.kind).toBe('standfirst');
  });

  it('keeps quotes, list items and subheadings with their kinds', () => {
    const a = extractArticle(
      page(
        `<article><h1>Titre de l’article du jour</h1>${prose}<h2>Un intertitre</h2><blockquote><p>« Nous n’avons rien à cacher », a déclaré le porte-parole du gouvernement hier soir.</p></blockquote><ul><li>Premier point de la liste, assez long pour compter comme du texte.</li></ul></article>`,
      ),
    );
    expect(a.blocks.map((b) => b.kind)).toEqual(['headline', 'paragraph', 'paragraph', 'heading', 'quote', 'list-item']);
  });

  it('splits a blog page into its posts, each with its title', () => {
    const post = (n: number) => `<div class="post" id="post-${n}"><h2 class="post-title"><a href="/p/${n}">Titre du billet numéro ${n}</a></h2>
      <div class="post-tools"><a href="#" onclick="print()">Imprimer</a></div>
      <div class="post-content">${prose}</div><div class="post-footer">Lien permanent Catégories : Défense</div></div>`;
    const a = extractArticle(
      page(
        `<h1 class="category-title">Relations Mali-Russie</h1><div id="content">${[1, 2, 3].map(post).join('')}</div><aside><p>Selon des experts, la crise va durer.</p></aside>`,
      ),
    );
    expect(a.posts).toBe(3);
    expect(a.roots).toHaveLength(3);
    expect(a.title).toBe('Relations Mali-Russie');
    const headlines = a.blocks.filter((b) => b.kind === 'headline');
    expect(headlines.map((b) => [a.text.slice(b.start, b.end), b.post])).toEqual([
      ['Titre du billet numéro 1', 0],
      ['Titre du billet numéro 2', 1],
      ['Titre du billet numéro 3', 2],
    ]);
    expect(a.blocks.filter((b) => b.post === 2 && b.kind === 'paragraph')).toHaveLength(2);
    expect(a.text).not.toContain('Lien permanent');
    expect(a.text).not.toContain('Imprimer');
  });

  it('does not split one article with several sections into posts', () => {
    const section = (n: number) => `<section><h2>Partie ${n}</h2>${prose}</section>`;
    const a = extractArticle(page(`<article><h1>Un long article en trois parties</h1>${[1, 2, 3].map(section).join('')}</article>`));
    expect(a.posts).toBe(1);
    expect(a.blocks[0]!.kind).toBe('headline');
    expect(a.blocks.filter((b) => b.kind === 'heading')).toHaveLength(3);
  });

  it('returns no article for a page of links, an empty page or a one-line page', () => {
    for (const body of [
      '',
      '<nav><ul><li><a href="/a">Politique</a></li><li><a href="/b">Économie</a></li></ul></nav>',
      '<ul>' + Array.from({ length: 30 }, (_, i) => `<li><a href="/x${i}">Un titre d’article en lien numéro ${i} vers la page</a></li>`).join('') + '</ul>',
      '<p>Page introuvable.</p>',
    ]) {
      const a = extractArticle(page(body, '<title>Accueil - Le Site</title>'));
      expect(a.posts).toBe(0);
      expect(a.text).toBe('');
      expect(a.blocks).toEqual([]);
      expect(a.roots).toEqual([]);
      expect(a.title).toBe('Accueil - Le Site');
    }
  });

  it('never changes the document', () => {
    const doc = page(`<article><h1>Titre de l’article du jour</h1>${prose}</article><div class="comments"><p>Un commentaire.</p></div>`);
    const before = doc.documentElement.outerHTML;
    extractArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('extractArticle: text and mapping', () => {
  it('collapses whitespace while every character maps back to its text node', () => {
    const a = extractArticle(
      page(`<article><h1>
          Le   titre
        </h1><p>Selon   <a href="/x">nos\n\tsources</a>,<br>le ministre <em>aurait</em>\u00a0quitté
        Paris.<br><br>Nouvelle ligne   après deux sauts, avec assez de texte pour compter comme paragraphe.</p>${prose}</article>`),
    );
    expect(blockTexts(a).slice(0, 3)).toEqual([
      'Le titre',
      'Selon nos sources, le ministre aurait\u00a0quitté Paris.',
      'Nouvelle ligne après deux sauts, avec assez de texte pour compter comme paragraphe.',
    ]);
    expectExactMapping(a);
    // Only block separators and the space made up for a <br> or a tab have no node.
    expect(unmapped(a).replace(/\n\n/g, '')).toMatch(/^ *$/);
  });

  it('maps offsets back to positions in the live document', () => {
    const doc = page(
      `<article><h1>Titre de l’article du jour</h1><p>Le porte-parole a déclaré, <b>selon nos sources</b>, que les discussions reprendraient la semaine prochaine à Genève.</p>${prose}</article>`,
    );
    const a = extractArticle(doc);
    const at = a.text.indexOf('selon nos sources');
    const bText = doc.querySelector('b')!.firstChild;
    expect(domPosition(a, at, 'start')).toEqual({ node: bText, offset: 0 });
    expect(domPosition(a, at + 'selon nos sources'.length, 'end')).toEqual({ node: bText, offset: 'selon nos sources'.length });
    // A block separator snaps to the next block's first character, or the previous block's last.
    const sep = a.blocks[1]!.start - 1;
    expect(domPosition(a, sep, 'start')!.node).toBe(doc.querySelector('p')!.firstChild);
    expect(domPosition(a, sep, 'end')).toEqual({ node: doc.querySelector('h1')!.firstChild, offset: 'Titre de l’article du jour'.length });
  });

  it('cuts at maxChars, at a block boundary when one is close', () => {
    const doc = page(`<article><h1>Titre de l’article du jour</h1>${prose}${prose}</article>`);
    const full = extractArticle(doc);
    const cut = full.blocks[2]!.end + 10;
    const a = extractArticle(doc, { maxChars: cut });
    expect(a.truncatedAt).toBe(full.blocks[2]!.end);
    expect(a.text).toBe(full.text.slice(0, full.blocks[2]!.end));
    expect(a.blocks).toHaveLength(3);
    const tiny = extractArticle(doc, { maxChars: 5 });
    expect(tiny.text).toBe('Titre');
    expect(tiny.truncatedAt).toBe(5);
    expectExactMapping(tiny);
    expect(full.truncatedAt).toBeNull();
  });

  it('takes the title from og:title then <title> without the site name when there is no headline', () => {
    const a = extractArticle(page(`<div>${prose}</div>`, '<title>Les discussions reprennent à Genève - Le Quotidien</title>'));
    expect(a.title).toBe('Les discussions reprennent à Genève');
    const b = extractArticle(page(`<div>${prose}</div>`, '<meta property="og:title" content="Titre OG"><title>X | Y</title>'));
    expect(b.title).toBe('Titre OG');
  });
});

describe('extractArticle on typical page templates', () => {
  const fixture = (name: string) => dom(readFileSync(join(__dirname, 'fixtures/extract', name), 'utf8'));

  it('a WordPress post: entry content without sharing, related posts, comments or widgets', () => {
    const a = extractArticle(fixture('wordpress.html'));
    const texts = blockTexts(a);
    expect(a.title).toBe('Sécheresse : les nappes phréatiques au plus bas depuis vingt ans');
    expect(a.blocks[0]!.kind).toBe('headline');
    expect(texts[1]).toMatch(/^Les relevés publiés mardi/);
    expect(texts.at(-1)).toMatch(/^D’après plusieurs exploitants/);
    expect(a.blocks.find((b) => b.kind === 'heading')).toBeTruthy();
    for (const junk of [
      'Claire Moreau',
      'Photo',
      'selon le BRGM',
      'Partager',
      'grêle',
      'seraient importants',
      'Selon mes sources',
      'pas publiée',
      'le maire aurait menti',
      'média indépendant',
      'WordPress',
      'Article précédent',
      'Environnement',
    ])
      expect(a.text).not.toContain(junk);
    expect(a.posts).toBe(1);
  });

  it('a body split into many small text blocks (BBC-like): all of them, none of the promos around', () => {
    const doc = fixture('split-body.html');
    const a = extractArticle(doc);
    expect(blockTexts(a)).toEqual([
      'Ministers split over new border checks',
      'Cabinet ministers are divided over plans to introduce new checks at the border, the BBC understands.',
      'A senior government source said the Treasury had raised concerns about the cost, which officials estimate at £400m a year.',
      'The Home Secretary told MPs on Tuesday that the checks were "essential to our security".',
      'Cost concerns',
      'According to documents seen by the Courier, the scheme would require 1,200 additional staff by 2026.',
      'A spokesperson for the department declined to comment on leaked documents but said a decision would be made "in due course".',
    ]);
    expectExactMapping(a);
  });
});

// ─── The annotated corpus ───────────────────────────────────────────────────────────────────────────

const CORPUS = join(__dirname, '../../shared/corpus');

/** score.mjs's normalisation: quotes, apostrophes, spaces and case do not matter. */
const norm = (s: string) =>
  String(s ?? '')
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u00ab\u00bb\u201c\u201d\u201e]/g, '"')
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s*"\s*/g, '"')
    .trim();

interface Gold {
  page: string;
  findings: { quote: string }[];
  allowed?: { quote: string }[];
  absent?: string[];
}

const golds: Gold[] = readdirSync(join(CORPUS, 'gold'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(CORPUS, 'gold', f), 'utf8')) as Gold);

describe('extractArticle on the annotated corpus', () => {
  const results = golds.map((gold) => {
    const doc = dom(readFileSync(join(CORPUS, 'pages', gold.page), 'utf8'));
    const article = extractArticle(doc, { maxChars: 2_000_000 });
    const text = norm(article.text);
    return {
      gold,
      article,
      missing: gold.findings.map((f) => f.quote).filter((q) => !text.includes(norm(q))),
      leaks: (gold.absent ?? []).filter((s) => text.includes(norm(s))),
    };
  });

  it('finds the corpus', () => expect(results.length).toBeGreaterThanOrEqual(10));

  it('keeps every gold finding quote (100% coverage)', () => {
    expect(results.filter((r) => r.missing.length).map((r) => [r.gold.page, r.missing])).toEqual([]);
  });

  it('lets no text from outside the article in (0 absent leaks)', () => {
    expect(results.filter((r) => r.leaks.length).map((r) => [r.gold.page, r.leaks])).toEqual([]);
  });

  it('keeps the mapping exact on every page', () => {
    for (const r of results) expectExactMapping(r.article);
  });

  it('finds one article per page, and the four posts of the blog page', () => {
    expect(Object.fromEntries(results.map((r) => [r.gold.page, r.article.posts]))).toEqual(
      Object.fromEntries(results.map((r) => [r.gold.page, r.gold.page === 'seed-003.html' ? 4 : 1])),
    );
  });
});
