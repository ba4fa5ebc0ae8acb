// Copy the report as Markdown, or download it as Markdown or JSON.
import type { Report } from '../../analyser/report';
import { t } from '../i18n';
import { copyText, downloadText, reportFileName, reportJson, reportMarkdown } from './export';

export function ExportButtons({ report, announce }: { report: Report; announce(message: string): void }) {
  const copy = async () => announce((await copyText(reportMarkdown(report))) ? t('panelCopied') : t('panelCopyFailed'));
  const download = (extension: 'md' | 'json') => {
    const fileName = reportFileName(report, extension);
    if (extension === 'md') downloadText(reportMarkdown(report), fileName, 'text/markdown;charset=utf-8');
    else downloadText(reportJson(report), fileName, 'application/json');
    announce(t('panelDownloaded', fileName));
  };
  return (
    <div class="export" role="group" aria-label={t('panelExportLabel')}>
      <button type="button" class="button" onClick={() => void copy()}>
        {t('panelCopyMarkdown')}
      </button>
      <button type="button" class="button" onClick={() => download('md')}>
        {t('panelDownloadMarkdown')}
      </button>
      <button type="button" class="button" onClick={() => download('json')}>
        {t('panelDownloadJson')}
      </button>
    </div>
  );
}
