// Which findings are red flags, for the "next / previous red flag" keys and the red-flag tags.
import { redFlagIds, type Finding } from '../../analyser/report';

/** One definition with the badge and the report's count: see analyser/report.ts. */
export { redFlagIds };

/** Findings in the order they appear in the article. */
export function inReadingOrder(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.start - b.start || a.end - b.end);
}
