// A small valid report (it passes the report's zod schema) for tests of the extension shell.
import { REPORT_SCHEMA_VERSION, type Report } from '../../analyser/report';
import type { Band } from '../../analyser/taxonomy';

export function makeReport(overrides: Partial<Report> & { band?: Band } = {}): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    source: 'https://news.example/article',
    lang: 'fr',
    title: 'Un article',
    score: 31,
    band: 'weak',
    summary: 'Le sourçage repose surtout sur des sources anonymes.',
    counts: {
      'named-source': 1,
      'official-document': 0,
      'media-relay': 0,
      'anonymous-source': 3,
      'vague-attribution': 0,
      'self-reference': 0,
      'exclusive-claim': 0,
      'hedged-claim': 0,
      'unsourced-certainty': 0,
    },
    redFlags: 3,
    contributions: [],
    findings: [],
    page: { byline: null, published: null, links: [], unnamedSourcesPolicy: null, correctionsPolicy: null },
    article: { found: true, length: 1200, posts: 1, truncatedAt: null },
    ...overrides,
  };
}
