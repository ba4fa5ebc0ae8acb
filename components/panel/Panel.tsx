// The side panel's view of one tab: a state message, or the report (score, breakdown, findings,
// page signals, legend) with the highlight toggle and the exports. No browser API here: the
// entrypoint passes the tab's state in and the reader's requests out.
import { useMemo, useState } from 'preact/hooks';
import type { Report } from '../../analyser/report';
import type { PanelReading, TabState } from '../../extension/messages';
import { t } from '../i18n';
import { CategoryChart, Contributions } from './Breakdown';
import { ExportButtons } from './ExportButtons';
import { FindingList } from './FindingList';
import { Legend } from './Legend';
import { PageSignals } from './PageSignals';
import { WhatWasRead } from './WhatWasRead';
import { categoryClassCss } from './palette';
import { redFlagIds } from './red-flags';
import { ScoreGauge } from './ScoreGauge';
import { StateMessage } from './StateMessage';
import { FlagIcon } from './CategoryIcon';

export interface PanelProps {
  /** null while the panel is still asking the background about the tab. */
  state: TabState | null;
  highlightsVisible: boolean;
  onAnalyse(): void;
  /** Opens the options page at the sites analysed automatically (the other way to give Sourcier access). */
  onChooseSites?(): void;
  onShowFinding(findingId: string): void;
  onHighlightsVisibleChange(visible: boolean): void;
}

const paletteCss = categoryClassCss();

export function Panel(props: PanelProps) {
  const [announcement, setAnnouncement] = useState({ text: '', n: 0 });
  const announce = (text: string) => setAnnouncement((a) => ({ text, n: a.n + 1 }));
  return (
    <div class="panel">
      <style>{paletteCss}</style>
      <header class="panel-header">
        <h1>
          <svg class="logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M12 2C8 7 5 10.5 5 14a7 7 0 0 0 14 0c0-3.5-3-7-7-12zm0 17a4 4 0 0 1-4-4h2a2 2 0 0 0 2 2z" fill="currentColor" />
          </svg>
          {t('panelTitle')}
        </h1>
        <p class="tagline">{t('panelTagline')}</p>
      </header>
      <main class="panel-main">
        <Body {...props} announce={announce} />
      </main>
      {/* Said only where a page was read: elsewhere nothing was analysed, so the sentence would claim too much. */}
      {(props.state?.status === 'ready' || props.state?.status === 'no-article') && (
        <footer class="panel-footer">
          <p>{t('panelPrivacy')}</p>
        </footer>
      )}
      <div class="visually-hidden" role="status" aria-live="polite">
        <span key={announcement.n}>{announcement.text}</span>
      </div>
    </div>
  );
}

function Body({ state, onAnalyse, onChooseSites, announce, ...rest }: PanelProps & { announce(text: string): void }) {
  if (!state) return <StateMessage kind="loading" title={t('panelLoading')} />;
  switch (state.status) {
    case 'idle':
      // No access to this page: a button here could only fail (activeTab comes from the toolbar button or the
      // shortcut alone), so the panel says how to give access instead.
      if (state.needsClick) {
        return (
          <StateMessage kind="idle" title={t('panelNeedsClickTitle')}>
            <p>{t('panelNeedsClickText')}</p>
            {onChooseSites && (
              <>
                <p class="muted">{t('panelNeedsClickSites')}</p>
                <button type="button" class="button button-quiet" onClick={onChooseSites}>
                  {t('panelChooseSites')}
                </button>
              </>
            )}
          </StateMessage>
        );
      }
      return (
        <StateMessage kind="idle" title={t('panelIdleTitle')} action={{ label: t('panelAnalyseButton'), onClick: onAnalyse }}>
          <p>{t('panelIdleText')}</p>
        </StateMessage>
      );
    case 'analysing':
      return (
        <StateMessage kind="analysing" title={t('panelAnalysing')}>
          <p>{t('panelAnalysingText')}</p>
        </StateMessage>
      );
    case 'no-article':
      return (
        <StateMessage kind="no-article" title={t('panelNoArticleTitle')} action={{ label: t('panelAnalyseAgain'), onClick: onAnalyse }}>
          <p>{t('panelNoArticleText')}</p>
        </StateMessage>
      );
    case 'unsupported':
      return (
        <StateMessage kind="unsupported" title={t('panelUnsupportedTitle')}>
          {/* The background's reason says which kind of page this is and what to do; the generic text only stands in
              for it, so the screen says its point once. */}
          <p>{state.reason || t('panelUnsupportedText')}</p>
        </StateMessage>
      );
    case 'error':
      return (
        <StateMessage kind="error" title={t('panelErrorTitle')} action={{ label: t('panelTryAgain'), onClick: onAnalyse }}>
          <p>{t('panelErrorText')}</p>
          {state.message && <p class="muted">{t('panelDetails', state.message)}</p>}
        </StateMessage>
      );
    case 'ready':
      return <ReportView report={state.report} reading={state.reading} onAnalyse={onAnalyse} announce={announce} {...rest} />;
  }
}

interface ReportViewProps {
  report: Report;
  reading?: PanelReading | undefined;
  highlightsVisible: boolean;
  onAnalyse(): void;
  onShowFinding(findingId: string): void;
  onHighlightsVisibleChange(visible: boolean): void;
  announce(text: string): void;
}

function ReportView({ report, reading, highlightsVisible, onAnalyse, onShowFinding, onHighlightsVisibleChange, announce }: ReportViewProps) {
  const redFlags = useMemo(() => redFlagIds(report), [report]);
  return (
    <>
      <section class="card" aria-labelledby="score-heading">
        <h2 id="score-heading">{t('panelScoreHeading')}</h2>
        {report.title && (
          <p class="page-title" lang={report.lang}>
            {report.title}
          </p>
        )}
        <ScoreGauge report={report} />
        <p class="red-flag-count">
          <FlagIcon />
          {t('panelRedFlagCount', report.redFlags)}
        </p>
        {report.article.truncatedAt !== null && <p class="note">{t('panelTruncated', report.article.truncatedAt)}</p>}
        {report.article.posts > 1 && <p class="note">{t('panelPosts', report.article.posts)}</p>}
      </section>

      <section class="card" aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('panelActionsHeading')}</h2>
        <p class="toggle">
          <input
            type="checkbox"
            id="highlights-toggle"
            checked={highlightsVisible}
            onChange={(event) => onHighlightsVisibleChange(event.currentTarget.checked)}
          />
          <label for="highlights-toggle">{t('panelShowHighlights')}</label>
        </p>
        <ExportButtons report={report} announce={announce} />
        <button type="button" class="button button-quiet" onClick={onAnalyse}>
          {t('panelAnalyseAgain')}
        </button>
      </section>

      <section class="card" aria-labelledby="breakdown-heading">
        <h2 id="breakdown-heading">{t('panelBreakdownHeading')}</h2>
        <h3 id="contributions-heading">{t('panelContributionsHeading')}</h3>
        <Contributions report={report} onShowFinding={onShowFinding} />
        <h3 id="counts-heading">{t('panelCountsHeading')}</h3>
        <CategoryChart report={report} />
      </section>

      <section class="card" aria-labelledby="findings-heading">
        <h2 id="findings-heading">{t('panelFindingsHeading')}</h2>
        <FindingList report={report} redFlags={redFlags} onShowFinding={onShowFinding} announce={announce} />
      </section>

      <section class="card" aria-labelledby="page-heading">
        <h2 id="page-heading">{t('panelPageHeading')}</h2>
        <PageSignals page={report.page} lang={report.lang} />
      </section>

      {reading && (
        <section class="card" aria-labelledby="read-heading">
          <h2 id="read-heading">{t('panelReadHeading')}</h2>
          <WhatWasRead reading={reading} lang={report.lang} />
        </section>
      )}

      <section class="card" aria-labelledby="legend-heading">
        <h2 id="legend-heading">{t('panelLegendHeading')}</h2>
        <Legend />
      </section>
    </>
  );
}
