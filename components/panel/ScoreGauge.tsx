// The score as a half-circle gauge, with its band written out and the report's one-sentence summary.
import { reportLangOf, type Report } from '../../analyser/report';
import { t } from '../i18n';
import { bandName } from './labels';

const ARC = 'M10 62 A52 52 0 0 1 114 62';

const BAND_MARK: Record<NonNullable<Report['band']>, string> = {
  // The band's sign, so that the band does not rest on the arc's colour.
  weak: 'M62 30 l-3 0 1-14 4 0 1 14z M62 33 a2.2 2.2 0 1 1 0 .1z',
  mixed: 'M52 26 h20 v4 h-20z',
  strong: 'M53 24 l4-4 4 4 9-9 4 4-13 13z',
};

export function ScoreGauge({ report }: { report: Report }) {
  // No article, no score (the panel shows the no-article state then): only the summary, never a made-up verdict.
  if (report.score === null || report.band === null)
    return (
      <p class="score-summary" lang={reportLangOf(report)}>
        {report.summary}
      </p>
    );
  const score = Math.round(report.score);
  const label = t('panelGaugeLabel', score, bandName(report.band));
  return (
    <div class={`score band-${report.band}`}>
      <svg class="gauge" viewBox="0 0 124 70" role="img" aria-label={label}>
        <path d={ARC} class="gauge-track" pathLength={100} />
        <path d={ARC} class="gauge-value" pathLength={100} stroke-dasharray={`${score} 100`} />
        <text x="62" y="52" class="gauge-number" text-anchor="middle">
          {score}
        </text>
        <text x="62" y="66" class="gauge-scale" text-anchor="middle">
          {t('panelScoreOutOf')}
        </text>
      </svg>
      <p class="score-band">
        <svg class="band-icon" viewBox="50 12 24 24" aria-hidden="true" focusable="false">
          <path d={BAND_MARK[report.band]} fill="currentColor" />
        </svg>
        <strong>{bandName(report.band)}</strong>
      </p>
      <p class="score-summary" lang={reportLangOf(report)}>
        {report.summary}
      </p>
    </div>
  );
}
