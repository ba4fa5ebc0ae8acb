// The reader on the shapes of article pages where it used to find nothing or too little (tests/fixtures/extract/
// patterns, pages written for these tests): text in <div>s or split by <br>, a <main> with few paragraphs, a body of
// short paragraphs, inline boxes, a <table> layout, a schema.org articleBody, and a short article beside a longer
// comment thread or "most read" box. Each must give the whole article and nothing of the page around it; a page
// of teasers must still say there is no article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../analyser/extract';
import type { ArticleText } from '../analyser/article';

const read = (name: string): ArticleText =>
  extractArticle(parseHTML(readFileSync(join(__dirname, 'fixtures/extract/patterns', name), 'utf8')).document as unknown as Document);

/** What no article of these pages contains: menus, the "most read" box, teasers, comments, inline boxes, footer. */
const NEVER = [
  'Politique',
  'Les plus lus',
  'marché de Noël',
  'gèle les impôts locaux',
  'festival de jazz',
  'Répondre',
  'Jean-Pierre',
  'routes du quartier nord',
  'Lire aussi',
  'Publicité',
  'Mentions légales',
  'En chiffres',
  'Accueil',
];

const FIRST = 'Le conseil municipal a adopté lundi soir';
const CASES: Array<{ file: string; has: string[]; hasNot?: string[] }> = [
  { file: 'div-text.html', has: [FIRST, 'un bibliobus continuera de passer'] },
  { file: 'br-split.html', has: [FIRST, 'Claire Martin', 'un bibliobus continuera de passer'] },
  { file: 'main-few-paragraphs.html', has: [FIRST, 'Le budget, estimé à 4,2 millions'], hasNot: ['Notre sélection', 'marché couvert'] },
  { file: 'short-paragraphs.html', has: ["Le FC Val s'impose 3-1", 'Doublé de Karim Benali', 'La buvette a battu son record'] },
  {
    file: 'inline-boxes.html',
    has: [
      "Après l'incendie de l'été dernier, la ville engage",
      FIRST,
      "L'opposition a voté contre",
      'Les associations de lecteurs',
      'Le chantier prévoit aussi',
      'Ce sera le plus beau lieu',
      'Les architectes retenus',
    ],
  },
  { file: 'table-layout.html', has: [FIRST, 'un bibliobus continuera de passer'] },
  { file: 'schema-articlebody.html', has: [FIRST, 'Claire Martin', 'un bibliobus continuera de passer'], hasNot: ['marché couvert', 'piscine municipale'] },
  { file: 'comments-outweigh.html', has: [FIRST, 'Claire Martin'], hasNot: ['Sylvie', 'Encore un projet de prestige', 'Vos réactions'] },
  { file: 'teasers-outweigh.html', has: ["L'opposition a voté contre", 'Les associations de lecteurs'], hasNot: ['maison de santé', 'Les travaux du pont'] },
];

describe('the reader finds the article on every shape of article page', () => {
  for (const c of CASES) {
    it(c.file, () => {
      const a = read(c.file);
      expect(a.posts, 'an article was found').toBe(1);
      for (const s of c.has) expect(a.text, `has « ${s} »`).toContain(s);
      for (const s of [...NEVER, ...(c.hasNot ?? [])]) expect(a.text, `leaves out « ${s} »`).not.toContain(s);
      // Offsets still map back to the page's own text nodes (the highlights depend on it).
      for (const p of a.pieces) expect(a.text.slice(p.start, p.end)).toBe(p.node.data.slice(p.nodeOffset, p.nodeOffset + p.end - p.start));
    });
  }

  it('says there is no article on a page of teasers', () => {
    const a = read('no-article.html');
    expect(a.posts).toBe(0);
    expect(a.text).toBe('');
  });

  it('counts what it left out: menus, the "most read" box', () => {
    const a = read('inline-boxes.html');
    expect(a.leftovers?.menus).toBeGreaterThanOrEqual(1);
    expect(a.leftovers?.otherChars).toBeGreaterThan(0);
  });
});

describe('lines of the page inside the article body that are not the article', () => {
  const P = [
    'The council voted on Tuesday to extend the bus line to the hospital, after a year of hearings with the residents of the district.',
    'The extension is to open in the spring, the mayor said, and will be paid for by the regional transport budget over five years.',
    'Residents who had campaigned for the line said they were relieved, but asked for buses to run later in the evening as well.',
  ];
  const doc = (body: string) =>
    parseHTML(
      `<!doctype html><html lang="en"><head><title>Bus line to reach the hospital</title></head><body><article><h1>Bus line to reach the hospital</h1>${body}</article></body></html>`,
    ).document as unknown as Document;

  it('leaves out a date line, a caption left as text, a titled list of links and the calls to action after the end', () => {
    const a = extractArticle(
      doc(`<p>Posted on March 30, 2019 by Admin</p><p>${P[0]}</p><p>In this March 2019 file photo, a bus waits at the terminal near the hospital.</p>
      <p>Jane Doe | City Press | Getty Images</p><p>${P[1]}</p><p>DON'T MISS</p><ul><li><a href="/a">Trams are coming back</a></li></ul><p>${P[2]}</p>
      <p>Follow us on Twitter and sign up for our newsletter to get the news every morning.</p>`),
    );
    expect(a.blocks.map((b) => a.text.slice(b.start, b.end))).toEqual(['Bus line to reach the hospital', ...P]);
  });

  it('keeps the same words when they are the article: a sentence about a photo, a call inside the text, a caption-like line in capitals with no links after', () => {
    const inside = 'Follow the new line on the map: it runs from the station to the hospital in twelve minutes, with four stops on the way.';
    const a = extractArticle(doc(`<p>${P[0]}</p><p>${inside}</p><p>THE NEW TIMETABLE</p><p>${P[1]}</p><p>${P[2]}</p>`));
    expect(a.text).toContain(inside);
    expect(a.text).toContain('THE NEW TIMETABLE');
    expect(a.text).toContain(P[2]);
  });

  it('reads a standfirst printed twice (mobile and desktop headers) once', () => {
    const dek = 'The hospital will be twelve minutes from the station by bus, from the spring.';
    const a = extractArticle(doc(`<p class="dek mobile">${dek}</p><p class="dek desktop">${dek}</p>${P.map((p) => `<p>${p}</p>`).join('')}`));
    expect(a.text.split(dek)).toHaveLength(2);
  });

  it('reads a custom element inside a sentence as part of it, and leaves out a hover card on a name and a date line', () => {
    const a = extractArticle(
      doc(
        `<p>Monday, Nov. 18, 2019 - 4:06 p.m.</p><p>Council member <a href="/p/1">Jane Doe</a><span class="rollover-card"><a href="/p/1">Jane Ann Doe</a> <a href="/a/9">Her other stories</a></span> said the line was cheap, as a study found (<x-source><a href="/s">1</a></x-source>) last year.</p>${P.map((p) => `<p>${p}</p>`).join('')}`,
      ),
    );
    expect(a.text).toContain('Council member Jane Doe said the line was cheap, as a study found (1) last year.');
    expect(a.text).not.toContain('Her other stories');
    expect(a.text).not.toContain('Nov. 18');
  });

  it('leaves out a list titled as other stories inside the body, a copyright caption and the report credits at the end', () => {
    const a = extractArticle(
      doc(`${P.map((p) => `<p>${p}</p>`).join('')}<p>A bus at the terminal, photo © City Press 2019</p><div class="h3">More great city stories</div><ul><li>Trams are coming back, <a href="/a">the mayor says</a></li><li>Cycle lanes: <a href="/b">the map</a></li></ul>
      <p>Something to consider</p><p>If you enjoyed this article, subscribe to get our stories every morning.</p><p>Reporting by Jane Doe; editing by John Roe</p>`),
    );
    expect(a.blocks.map((b) => a.text.slice(b.start, b.end))).toEqual(['Bus line to reach the hospital', ...P]);
  });

  it('knows the titles of other stories and comments in other languages, and a title left out by its class', () => {
    const other = 'O prefeito anunciou ontem um novo plano para as escolas da cidade, com mais professores e novas salas de aula.';
    const comment = 'Eu moro perto do hospital e espero há anos por esta linha de ônibus, finalmente uma boa notícia para o bairro.';
    const a = extractArticle(
      doc(`${P.slice(0, 2)
        .map((p) => `<p>${p}</p>`)
        .join('')}<div class="x"><h3>Leia também</h3><div class="y"><p>${other}</p><p>${other}</p><p>${other}</p></div></div>
      <div class="z"><h2 class="comments-title">3 comments</h2><ol><li><p>${comment}</p></li><li><p>${comment}</p></li><li><p>${comment}</p></li></ol></div>`),
    );
    expect(a.text).toContain(P[1]);
    expect(a.text).not.toContain('O prefeito');
    expect(a.text).not.toContain('Eu moro');
  });
});
