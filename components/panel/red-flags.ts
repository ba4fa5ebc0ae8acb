// Which findings are red flags, for the "next / previous red flag" keys and the red-flag tags.
import type { Finding, Report } from '../../analyser/report';
import { RED_FLAG_CATEGORIES } from '../../analyser/taxonomy';

/** Red-flag categories, plus any "Exclusive" the score counted as a red flag (it rests on anonymous sources). */
export function redFlagIds(report: Report): Set<string> {
  const ids = new Set(report.findings.filter((f) => RED_FLAG_CATEGORIES.includes(f.category)).map((f) => f.id));
  for (const contribution of report.contributions) {
    if (contribution.key === 'exclusive-red-flag') for (const id of contribution.findingIds) ids.add(id);
  }
  return ids;
}

/** Findings in the order they appear in the article. */
export function inReadingOrder(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.start - b.start || a.end - b.end);
}
