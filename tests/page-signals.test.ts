import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../analyser/extract';
import { normaliseDate, readPageSignals, siteOf } from '../analyser/page-signals';
import { pageSignalsSchema } from '../analyser/report';

const BODY = [
  'Le ministre des Affaires étrangères a annoncé jeudi, lors d’une conférence de presse à Paris, que les discussions reprendraient la semaine prochaine.',
  'Selon le communiqué publié dans la soirée, les deux délégations se retrouveront à Genève pour une nouvelle série d’entretiens, sans calendrier précis.',
];

function signals(head: string, articleHtml = '', after = '', pageUrl?: string) {
  const { document } = parseHTML(
    `<!doctype html><html lang="fr"><head>${head}</head><body><article><h1>Titre de l’article</h1>${articleHtml}<p>${BODY[0]}</p><p>${BODY[1]}</p></article>${after}</body></html>`,
  );
  const doc = document as unknown as Document;
  const s = readPageSignals(doc, extractArticle(doc), pageUrl);
  expect(pageSignalsSchema.parse(s)).toEqual(s);
  return s;
}

const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

describe('byline', () => {
  it('reads meta name=author and article:author (a name, not a profile URL)', () => {
    expect(signals('<meta name="author" content="Jeanne Martin">').byline).toBe('Jeanne Martin');
    expect(
      signals('<meta property="article:author" content="https://www.site.fr/auteur/jm"><meta property="article:author" content="Jeanne Martin">').byline,
    ).toBe('Jeanne Martin');
  });

  it('reads schema.org JSON-LD authors: string, object, array, @graph, @id reference', () => {
    expect(signals(ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', author: 'Jeanne Martin' })).byline).toBe('Jeanne Martin');
    expect(signals(ld({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'Jeanne Martin' } })).byline).toBe('Jeanne Martin');
    expect(signals(ld({ '@type': 'Article', author: [{ '@type': 'Person', name: 'Jeanne Martin' }, { name: 'Paul Durand' }] })).byline).toBe(
      'Jeanne Martin, Paul Durand',
    );
    expect(
      signals(
        ld({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'WebPage', '@id': 'https://s.fr/#page' },
            { '@type': 'Person', '@id': 'https://s.fr/#jm', name: 'Jeanne Martin' },
            { '@type': 'BlogPosting', headline: 'Titre', author: { '@id': 'https://s.fr/#jm' } },
          ],
        }),
      ).byline,
    ).toBe('Jeanne Martin');
  });

  it('reads microdata, rel=author and byline/author elements, without "By"/"Par"', () => {
    expect(signals('', '<span itemprop="author" itemscope><span itemprop="name">Jeanne Martin</span></span>').byline).toBe('Jeanne Martin');
    expect(signals('', '<p>Un article de <a rel="author" href="/jm">Jeanne Martin</a></p>').byline).toBe('Jeanne Martin');
    expect(signals('', '<div class="article-byline">Par Jeanne Martin</div>').byline).toBe('Jeanne Martin');
    expect(signals('', '<p class="Byline-byline">By Jane Doe</p>').byline).toBe('Jane Doe');
  });

  it('never takes a reader comment’s author', () => {
    const comments = '<div class="comments"><div class="comment-author">Henry Author Price Jr</div><p>Un commentaire.</p></div>';
    expect(signals('', '', comments).byline).toBeNull();
  });
});

describe('published date', () => {
  it('reads article:published_time, JSON-LD datePublished, itemprop and <time datetime> in the article', () => {
    expect(signals('<meta property="article:published_time" content="2024-08-12T09:14:00+00:00">').published).toBe('2024-08-12T09:14:00.000Z');
    expect(signals(ld({ '@type': 'NewsArticle', datePublished: '2024-08-12T11:14:00+02:00' })).published).toBe('2024-08-12T09:14:00.000Z');
    expect(signals('', '<span itemprop="datePublished" content="2021-10-02">2 octobre 2021</span>').published).toBe('2021-10-02');
    expect(signals('', '<time datetime="2021-10-02T08:00">2 octobre</time>').published).toBe('2021-10-02T08:00');
  });

  it('prefers meta tags to the page, and ignores dates in comments', () => {
    expect(signals('<meta property="article:published_time" content="2024-01-01">', '<time datetime="2020-05-05">5 mai</time>').published).toBe('2024-01-01');
    expect(signals('', '', '<div class="comments"><time datetime="2020-05-05" pubdate>hier</time></div>').published).toBeNull();
  });

  it('normalises to ISO when it can, keeps the text otherwise', () => {
    expect(normaliseDate('2017-11-16T14:15+0000')).toBe('2017-11-16T14:15:00.000Z');
    expect(normaliseDate('Mon, 12 Aug 2024 09:14:00 GMT')).toBe('2024-08-12T09:14:00.000Z');
    expect(normaliseDate('August 12, 2024')).toBe('2024-08-12');
    expect(normaliseDate('2015-04-30T07:19:58')).toBe('2015-04-30T07:19:58');
    expect(normaliseDate('hier soir')).toBe('hier soir');
    expect(normaliseDate('  ')).toBeNull();
  });
});

describe('outbound links', () => {
  const body = `<p>Le rapport de <a href="https://www.efsa.europa.eu/report.pdf">l’Efsa</a> et
    <a href="https://abonnes.site.fr/autre">un autre article</a>, <a href="/interne">un lien interne</a>,
    <a href="javascript:void(0)">imprimer</a>, <a href="mailto:a@b.c">écrire</a>, <a href="#note">une note</a>,
    <a href="https://twitter.com/intent/tweet?url=x">Tweeter</a>, <a href="https://www.efsa.europa.eu/report.pdf">encore l’Efsa</a>
    et <a href="https://twitter.com/ministre/status/1">le tweet du ministre</a>.</p>
    <div class="share-bar"><a href="https://example.org/share">Partager</a></div>`;

  it('keeps links to other sites inside the article body, once each, with text and host', () => {
    expect(signals('', body, '', 'https://www.site.fr/article/1').links).toEqual([
      { href: 'https://www.efsa.europa.eu/report.pdf', text: 'l’Efsa', host: 'www.efsa.europa.eu' },
      { href: 'https://twitter.com/ministre/status/1', text: 'le tweet du ministre', host: 'twitter.com' },
    ]);
  });

  it('takes the page’s own site from the canonical link or og:url when no URL is given', () => {
    expect(signals('<link rel="canonical" href="https://www.site.fr/article/1">', body).links.map((l) => l.host)).toEqual([
      'www.efsa.europa.eu',
      'twitter.com',
    ]);
    expect(signals('<meta property="og:url" content="https://www.site.fr/article/1">', body).links.map((l) => l.host)).toEqual([
      'www.efsa.europa.eu',
      'twitter.com',
    ]);
  });

  it('counts links to other sites only: the outlet’s own related content does not count, even on a copy read elsewhere', () => {
    const related = `<p>Le rapport de <a href="https://www.efsa.europa.eu/report.pdf">l’Efsa</a>. À lire aussi :
      <a href="https://www.site.fr/politique/autre-article">un autre article du site</a>,
      <a href="https://amp.site.fr/politique/encore">sa version mobile</a>,
      <a href="https://www.groupe-site.com/a-propos">le groupe qui l’édite</a>.</p>`;
    // Read from a mirror, a cache or a local server: the page says where it really lives.
    const head = '<link rel="canonical" href="https://www.site.fr/article/1">';
    expect(signals(head, related, '', 'http://127.0.0.1:8080/article.html').links.map((l) => l.host)).toEqual(['www.efsa.europa.eu', 'www.groupe-site.com']);
    // The publisher's own address (JSON-LD) is the outlet's too.
    const publisher = ld({ '@type': 'NewsArticle', headline: 'x', publisher: { '@type': 'Organization', name: 'Site', url: 'https://www.groupe-site.com/' } });
    expect(signals(head + publisher, related, '', 'http://127.0.0.1:8080/article.html').links.map((l) => l.host)).toEqual(['www.efsa.europa.eu']);
  });

  it('ignores links outside the article body', () => {
    const aside = '<aside><a href="https://other.example/x">Ailleurs</a></aside><footer><a href="https://partner.example">Partenaire</a></footer>';
    expect(signals('', '', aside, 'https://www.site.fr/a').links).toEqual([]);
  });

  it('knows which hosts belong to the same site', () => {
    expect(siteOf('www.lemonde.fr')).toBe('lemonde.fr');
    expect(siteOf('abonnes.lemonde.fr')).toBe('lemonde.fr');
    expect(siteOf('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteOf('localhost')).toBe('localhost');
  });
});

describe('schema.org policies', () => {
  it('reads unnamedSourcesPolicy and correctionsPolicy from the publisher in JSON-LD', () => {
    const s = signals(
      ld({
        '@type': 'NewsArticle',
        publisher: {
          '@type': 'NewsMediaOrganization',
          name: 'Le Quotidien',
          unnamedSourcesPolicy: 'https://www.site.fr/charte#sources',
          correctionsPolicy: { '@type': 'CreativeWork', url: '/corrections' },
        },
      }),
      '',
      '',
      'https://www.site.fr/article/1',
    );
    expect(s.unnamedSourcesPolicy).toBe('https://www.site.fr/charte#sources');
    expect(s.correctionsPolicy).toBe('https://www.site.fr/corrections');
  });

  it('reads a policy on the article itself, in an @graph organisation, or stated as text', () => {
    expect(signals(ld({ '@type': 'Article', correctionsPolicy: 'https://s.fr/c' })).correctionsPolicy).toBe('https://s.fr/c');
    expect(
      signals(ld({ '@graph': [{ '@type': 'Organization', unnamedSourcesPolicy: 'Nous ne citons une source anonyme que si…' }, { '@type': 'Article' }] }))
        .unnamedSourcesPolicy,
    ).toBe('Nous ne citons une source anonyme que si…');
  });

  it('reads microdata and link/meta tags', () => {
    expect(signals('<link itemprop="unnamedSourcesPolicy" href="https://s.fr/anonymes">').unnamedSourcesPolicy).toBe('https://s.fr/anonymes');
    expect(signals('<meta name="correctionsPolicy" content="https://s.fr/c">').correctionsPolicy).toBe('https://s.fr/c');
    expect(signals('').unnamedSourcesPolicy).toBeNull();
  });

  it('survives broken JSON-LD', () => {
    const s = signals(
      '<script type="application/ld+json">{ "@type": "NewsArticle", "author": "Jeanne Martin", }</script><script type="application/ld+json">not json</script>',
    );
    expect(s.byline).toBe('Jeanne Martin');
  });
});
