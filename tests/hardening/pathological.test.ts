// Pathological pages, generated in code: each one finishes (the bound is a generous test timeout, not a
// speed target: benchmarks hold those) and returns a sound report, or a report that says it analysed only
// the first N characters (article.truncatedAt).
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { analyseDocument, analyseText, DEFAULT_MAX_CHARS } from '../../analyser';
import { formatText } from '../../analyser/format';
import { expectPiecesExact, expectSound, expectValidReport, parse } from './generators';

const BOUND = 180_000;
const SENTENCE = 'Selon nos sources, le ministre aurait quitté la réunion avant la fin, a déclaré Jean Dupont, porte-parole du gouvernement. ';
const page = (body: string, lang = 'fr') => `<!doctype html><html lang="${lang}"><head><title>Un article | Le Site</title></head><body>${body}</body></html>`;

describe('very large pages', () => {
  it('10 MB of text: analyses the first DEFAULT_MAX_CHARS characters and says so', { timeout: BOUND }, () => {
    const paragraph = `<p>${SENTENCE.repeat(4)}</p>`;
    const count = Math.ceil((10 * 1024 * 1024) / paragraph.length);
    const source = page(`<article><h1>Un très long article</h1>${paragraph.repeat(count)}</article>`);
    expect(source.length).toBeGreaterThan(10 * 1024 * 1024);
    const analysis = analyseDocument(parse(source));
    expectSound(analysis, { maxChars: DEFAULT_MAX_CHARS });
    const { report } = analysis;
    expect(report.article.found).toBe(true);
    // Cut at a paragraph's end within the last fifth of the limit.
    expect(report.article.truncatedAt).toBeGreaterThan(DEFAULT_MAX_CHARS * 0.8);
    expect(report.article.truncatedAt).toBeLessThanOrEqual(DEFAULT_MAX_CHARS);
    // A rule that finds this many markers is capped (MAX_MATCHES_PER_RULE), so the report stays usable.
    expect(report.findings.length).toBeGreaterThan(1000);
    expect(report.findings.length).toBeLessThan(50_000);
    // The notice is in the readable report too ("analysed the first N characters").
    expect(formatText(report)).toContain(String(report.article.truncatedAt));
  });

  it('200,000 text nodes', { timeout: BOUND }, () => {
    // 20,000 paragraphs of 11 text nodes each (words split by inline tags).
    const paragraph = '<p>Selon <b>nos</b> sources, le <i>ministre</i> aurait <em>quitté</em> la <span>réunion</span> hier <b>soir</b>.</p>';
    const source = page(`<article><h1>Titre</h1>${paragraph.repeat(20_000)}</article>`);
    const doc = parse(source);
    expect(doc.querySelectorAll('article p').length).toBe(20_000);
    const analysis = analyseDocument(doc);
    expectValidReport(analysis.report);
    expect(analysis.article.pieces.length).toBeGreaterThanOrEqual(220_000);
    expectPiecesExact(analysis.article, 2000);
    expect(analysis.report.counts['anonymous-source']).toBeGreaterThan(1000);
  });

  it('a single 5 MB paragraph with no punctuation: cut, with sentences of bounded length', { timeout: BOUND }, () => {
    const words = 'selon nos sources le ministre aurait quitte la reunion hier soir sans rien dire a personne ';
    const paragraph = words.repeat(Math.ceil((5 * 1024 * 1024) / words.length));
    const analysis = analyseDocument(parse(page(`<article><h1>Titre</h1><p>${paragraph}</p></article>`)));
    expectSound(analysis, { maxChars: DEFAULT_MAX_CHARS });
    expect(analysis.report.article.truncatedAt).toBe(DEFAULT_MAX_CHARS);
    // Run-on text is cut into sentences of at most a few thousand characters (segment.ts's maxSentenceLength).
    for (const f of analysis.report.findings) expect(f.sentence.length).toBeLessThanOrEqual(3100);
    expect(analysis.report.findings.length).toBeGreaterThan(0);
  });

  it('a 5 MB text through analyseText (rule testers, examples) stays sound', { timeout: BOUND }, () => {
    const input = 'Selon nos sources il aurait dit ça '.repeat(150_000);
    const report = analyseText(input, 'fr');
    expectValidReport(report);
    for (const f of report.findings.slice(0, 500)) expect(input.slice(f.start, f.end)).toBe(f.text);
  });

  it('a small maxChars gives a clear notice and a sound report', () => {
    const analysis = analyseDocument(parse(page(`<article><h1>Titre</h1>${`<p>${SENTENCE.repeat(3)}</p>`.repeat(20)}</article>`)), { maxChars: 1000 });
    expectSound(analysis, { maxChars: 1000 });
    expect(analysis.report.article.truncatedAt).toBe(analysis.article.text.length);
  });
});

describe('deep and odd structure', () => {
  it.each([5_000, 20_000])('nesting %i levels deep', { timeout: BOUND }, (depth) => {
    const source = page(`${'<div>'.repeat(depth)}<h1>Titre</h1>${`<p>${SENTENCE.repeat(2)}</p>`.repeat(4)}${'</div>'.repeat(depth)}`);
    const analysis = analyseDocument(parse(source));
    expectSound(analysis);
    expect(analysis.report.article.found).toBe(true);
    expect(analysis.report.counts['anonymous-source']).toBeGreaterThanOrEqual(4);
  });

  it('nesting 5,000 inline elements deep inside one paragraph', { timeout: BOUND }, () => {
    const source = page(
      `<article><h1>Titre</h1><p>${SENTENCE}${'<span>'.repeat(5000)}${SENTENCE}${'</span>'.repeat(5000)}</p><p>${SENTENCE.repeat(2)}</p></article>`,
    );
    const analysis = analyseDocument(parse(source));
    expectSound(analysis);
    expect(analysis.report.counts['anonymous-source']).toBeGreaterThanOrEqual(3);
  });

  it('iframes, <template>, SVG text, <noscript> and scripts are not read', () => {
    const hidden = 'Selon des sources anonymes, un complot Qzx';
    const source = page(`<article><h1>Titre</h1><p>${SENTENCE.repeat(2)}</p>
      <iframe srcdoc="<p>${hidden}</p>"><p>${hidden}</p></iframe>
      <template><p>${hidden}</p></template>
      <template shadowrootmode="open"><p>${hidden}</p></template>
      <svg viewBox="0 0 10 10"><text x="0" y="5">${hidden}</text><foreignObject><p>${hidden}</p></foreignObject></svg>
      <math><mi>${hidden}</mi></math>
      <noscript><p>${hidden}</p></noscript>
      <script>document.write("${hidden}")</script><style>p::after{content:"${hidden}"}</style>
      <p>${SENTENCE.repeat(2)}</p></article>`);
    const analysis = analyseDocument(parse(source));
    expectSound(analysis);
    expect(analysis.article.text).not.toContain('Qzx');
    expect(analysis.report.counts['anonymous-source']).toBe(4);
  });

  it('open shadow roots (happy-dom): the light DOM article is analysed, shadow text is neither scored nor mapped', () => {
    const window = new Window();
    const doc = window.document as unknown as Document;
    doc.body.innerHTML = `<article><h1>Titre</h1><p>${SENTENCE.repeat(2)}</p><div id="host"></div><p>${SENTENCE.repeat(2)}</p></article>`;
    const host = doc.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Selon des sources anonymes, un complot Qzx qui ne se voit pas dans le texte de la page.</p>';
    // A shadow root inside the paragraph too, and a custom element with a closed one.
    doc.querySelector('p')!.attachShadow({ mode: 'open' }).innerHTML = '<slot></slot><span>Qzx</span>';
    const analysis = analyseDocument(doc);
    expectSound(analysis);
    expect(analysis.article.text).not.toContain('Qzx');
    for (const p of analysis.article.pieces) expect(p.node.getRootNode()).toBe(doc);
    expect(analysis.report.counts['anonymous-source']).toBe(4);
    window.close();
  });

  it('a page that changes while it is read (a hostile isHidden hook mutates the DOM mid-walk) still gives a sound report', () => {
    const doc = parse(
      page(`<article><h1>Titre</h1>${`<div><p>${SENTENCE.repeat(2)}</p><p>${SENTENCE}</p></div>`.repeat(30)}</article><aside><p>${SENTENCE}</p></aside>`),
    );
    let calls = 0;
    const isHidden = (el: Element) => {
      calls++;
      // Remove elements ahead of the walk, add new ones, and move some around while the extractor reads.
      if (calls % 7 === 0) el.nextElementSibling?.remove();
      if (calls % 11 === 0) el.parentElement?.append(Object.assign(doc.createElement('p'), { textContent: SENTENCE }));
      if (calls % 13 === 0) doc.querySelector('aside')?.prepend(el.cloneNode(true));
      if (calls % 17 === 0) el.parentElement?.parentElement?.prepend(el);
      return false;
    };
    const analysis = analyseDocument(doc, { isHidden });
    expect(calls).toBeGreaterThan(20);
    expectSound(analysis);
  });
});

describe('scripts and writing systems', () => {
  it('right-to-left and mixed scripts, bidi controls: offsets stay exact', () => {
    const arabic = 'قال مصدر مطلع إن الوزير سيستقيل قريبا، وفق ما نقلته وسائل الإعلام المحلية صباح اليوم. ';
    const hebrew = 'לפי מקורות בממשלה, השר עשוי להתפטר בקרוב. ';
    const source = page(
      `<article dir="rtl"><h1>عنوان ‏Titre‎</h1><p>${arabic}\u202bSelon nos sources, le ministre aurait démissionné.\u202c ${hebrew}</p>` +
        `<p dir="ltr">\u202eSelon nos sources\u202c, ${arabic} aurait ${hebrew} a déclaré Jean Dupont, ministre de la Défense.</p>` +
        `<p>${SENTENCE}${arabic}${SENTENCE}</p></article>`,
    );
    const analysis = analyseDocument(parse(source), { lang: 'fr' });
    expectSound(analysis);
    const { report, article } = analysis;
    expect(report.counts['anonymous-source']).toBeGreaterThanOrEqual(3);
    for (const f of report.findings) expect(article.text.slice(f.start, f.end)).toBe(f.text);
  });

  it('emoji, flags, ZWJ sequences and combining characters: offsets are UTF-16 code units', () => {
    const lead = '👩‍👩‍👧🇫🇷 Le ministre est parti. Cafe\u0301 n\u0303\u0323 😀😀 ';
    const input = `${lead}Selon nos sources, il aurait démissionné. 👍🏽 A déclaré Jean Dupont 🎉.`;
    const report = analyseText(input, 'fr');
    expectValidReport(report);
    const anonymous = report.findings.find((f) => f.category === 'anonymous-source')!;
    expect(anonymous.start).toBe(input.indexOf('Selon nos sources'));
    expect(anonymous.start).toBe(lead.length);
    for (const f of report.findings) expect(input.slice(f.start, f.end)).toBe(f.text);

    const analysis = analyseDocument(
      parse(page(`<article><h1>Titre 🎉</h1><p>${input} ${SENTENCE}</p><p>${'🇫🇷👩‍👩‍👧e\u0301'.repeat(50)} ${SENTENCE}</p></article>`)),
    );
    expectSound(analysis);
    const found = analysis.report.findings.find((f) => f.category === 'anonymous-source')!;
    expect(analysis.article.text.slice(found.start, found.end)).toBe(found.text);
  });

  it('decomposed accents (NFD) still match the rules, with the offsets of the page text', () => {
    const nfd = 'D’apre\u0300s des sources proches du dossier, le ministre aurait de\u0301missionne\u0301.'.normalize('NFD');
    const report = analyseText(nfd, 'fr');
    expectValidReport(report);
    for (const f of report.findings) expect(nfd.slice(f.start, f.end)).toBe(f.text);
  });
});
