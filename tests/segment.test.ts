// Segmentation: sentences with exact offsets, abbreviations that do not end a sentence, quoted speech
// (so that a speaker's own words are not the journalist's), and a cap on run-on text.
import { describe, expect, it } from 'vitest';
import { articleFromText, soundBlocks } from '../analyser';
import { inQuote, segment } from '../analyser/segment';

const sentencesOf = (text: string, max?: number) => {
  const { sentences } = segment(articleFromText(text), max);
  return sentences.map((s) => text.slice(s.start, s.end));
};
const quotesOf = (text: string) => segment(articleFromText(text)).quotes.map(([a, b]) => text.slice(a, b));

describe('sentences', () => {
  it('cut at . ! ? and … followed by a capital, with exact offsets', () => {
    const text = 'Le texte est adopté. Est-ce la fin ? Non ! Le Sénat doit voter… Ensuite viendra le décret.';
    expect(sentencesOf(text)).toEqual(['Le texte est adopté.', 'Est-ce la fin ?', 'Non !', 'Le Sénat doit voter…', 'Ensuite viendra le décret.']);
  });
  it('keep titles and abbreviations inside the sentence (M., Mme, Mr., Dr., Gen.)', () => {
    expect(sentencesOf('M. Macron a parlé. Mme Borne a répondu.')).toEqual(['M. Macron a parlé.', 'Mme Borne a répondu.']);
    expect(sentencesOf('Mr. Smith said no. Dr. Jones agreed with Gen. Patton.')).toEqual(['Mr. Smith said no.', 'Dr. Jones agreed with Gen. Patton.']);
  });
  it('keep initials and dotted acronyms inside the sentence (J. K. Rowling, U.S., e.g.)', () => {
    expect(sentencesOf('J. K. Rowling wrote it. She was in Edinburgh.')).toEqual(['J. K. Rowling wrote it.', 'She was in Edinburgh.']);
    expect(sentencesOf('The U.S. Senate voted. It passed.')).toEqual(['The U.S. Senate voted.', 'It passed.']);
  });
  it('do not cut before a lower-case word or a number inside a sentence', () => {
    expect(sentencesOf('Il a gagné 3.5 points. etc. et ainsi de suite.')).toHaveLength(1);
  });
  it('take closing quotes and brackets with the sentence that ends inside them', () => {
    const text = '« C’est fini. » Le ministre est parti. “We won.” He left.';
    expect(sentencesOf(text)).toEqual(['« C’est fini. »', 'Le ministre est parti.', '“We won.”', 'He left.']);
  });
  it('keep a quoted question with its speaker, not a quoted question and a longer sentence', () => {
    expect(sentencesOf('“Can she stay?” Trump asked. The crowd cheered.')).toEqual(['“Can she stay?” Trump asked.', 'The crowd cheered.']);
    expect(sentencesOf('“Can she stay?” The crowd cheered loudly for a long time.')).toEqual(['“Can she stay?”', 'The crowd cheered loudly for a long time.']);
  });
  it('never cross a paragraph', () => {
    const text = 'Premier paragraphe sans point\n\nSecond paragraphe.';
    const { sentences } = segment(articleFromText(text));
    expect(sentences.map((s) => s.block)).toEqual([0, 1]);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual(['Premier paragraphe sans point', 'Second paragraphe.']);
  });
  it('cut a very long run-on text so that no sentence grows without bound', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `mot${i}`).join(' ');
    const parts = sentencesOf(text, 500);
    expect(parts.length).toBeGreaterThan(10);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(510);
    expect(parts.join(' ')).toBe(text);
  });
});

describe('quoted speech', () => {
  it('finds French, English and straight quotes', () => {
    expect(quotesOf('Il a dit « non » puis “yes” et "peut-être".')).toEqual(['« non »', '“yes”', '"peut-être"']);
  });
  it('keeps a nested quote inside the outer one', () => {
    expect(quotesOf('« Il m’a dit « jamais » et il est parti », raconte-t-elle.')).toEqual(['« Il m’a dit « jamais » et il est parti »']);
    expect(quotesOf('“He told me ‘never’ and left,” she said.')).toEqual(['“He told me ‘never’ and left,”']);
  });
  it('runs an unclosed quote to the end of its paragraph, not beyond', () => {
    const text = '« Nous irons jusqu’au bout, a-t-il dit. Rien ne nous arrêtera.\n\nLe lendemain, tout a changé.';
    expect(quotesOf(text)).toEqual(['« Nous irons jusqu’au bout, a-t-il dit. Rien ne nous arrêtera.']);
  });
  it('does not open a straight quote before a space (inches, stray marks)', () => {
    expect(quotesOf('Un écran de 27" est vendu 300 euros.')).toEqual([]);
  });
  it('tells whether an offset is inside quoted speech (the opening mark is not)', () => {
    const text = 'Il a dit « serait » hier.';
    const { quotes } = segment(articleFromText(text));
    const open = text.indexOf('«');
    expect(inQuote(quotes, open)).toBe(false);
    expect(inQuote(quotes, text.indexOf('serait'))).toBe(true);
    expect(inQuote(quotes, text.indexOf('hier'))).toBe(false);
  });
});

describe('abbreviations before a number', () => {
  it('keep "No. 10" and « art. 49 » inside the sentence but end one on "said no."', () => {
    expect(sentencesOf('He lives at No. 10 Downing Street. It is old.')).toEqual(['He lives at No. 10 Downing Street.', 'It is old.']);
    expect(sentencesOf('Le gouvernement a utilisé l’art. 49 de la Constitution. Le texte passe.')).toHaveLength(2);
    expect(sentencesOf('She said no. Then she left.')).toEqual(['She said no.', 'Then she left.']);
  });
});

describe('blocks that reach past the text', () => {
  // A block's offsets come from a runtime message in the background: the segmenter once searched forever for
  // the end of a block that lay beyond the text.
  it('stop at the end of the text', () => {
    const text = 'Selon nos sources, il partirait. « Non », dit-il';
    const { sentences, quotes } = segment({ ...articleFromText(text), blocks: [{ kind: 'paragraph', start: 0, end: text.length + 500, post: 0 }] });
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual(['Selon nos sources, il partirait.', '« Non », dit-il']);
    expect(quotes.map(([a, b]) => text.slice(a, b))).toEqual(['« Non »']);
  });
});

describe('soundBlocks', () => {
  it('clamps blocks to the text, drops empty or reversed ones, and sorts them without overlap', () => {
    const p = (start: number, end: number, post = 0) => ({ kind: 'paragraph' as const, start, end, post });
    expect(soundBlocks([p(40, 60), p(5, 2), p(0, 10), p(8, 20), p(90, 120), p(30, 30), p(-4, 1), p(12, 18)], 100)).toEqual([
      p(0, 1),
      p(1, 10),
      p(10, 20),
      p(40, 60),
      p(90, 100),
    ]);
  });
  it("leaves a content script's blocks as they are", () => {
    const article = articleFromText('Un paragraphe.\n\nUn autre, plus long.\n\nLe dernier.');
    expect(soundBlocks(article.blocks, article.text.length)).toEqual(article.blocks);
  });
});
