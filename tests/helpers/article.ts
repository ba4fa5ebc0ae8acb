// An article as the content script sends it to the background, for tests of the extension shell where its content
// does not matter (the analysis is stubbed, or the message is refused before it is read).
export const SENT_ARTICLE = {
  source: 'https://news.example/article',
  lang: 'fr',
  title: '',
  text: '',
  blocks: [],
  posts: 0,
  truncatedAt: null,
  page: { byline: null, published: null, links: [], unnamedSourcesPolicy: null, correctionsPolicy: null },
  siteNames: [],
};
