// What a student hands in: the report as Markdown (copied or downloaded) or as the CLI's JSON.
import { formatJson, formatMarkdown } from '../../analyser/format';
import type { Report } from '../../analyser/report';

export const reportMarkdown = (report: Report) => formatMarkdown(report);
/** Same JSON as `sourcier analyze --format json` on one page. */
export const reportJson = (report: Report) => formatJson([report]);

/** "sourcier-<title words>.<ext>": ASCII, no spaces, short enough for any file system. */
export function reportFileName(report: Report, extension: 'md' | 'json'): string {
  const words = (report.title || hostOf(report.source) || '')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `sourcier${words ? `-${words}` : '-report'}.${extension}`;
}

function hostOf(source: string): string {
  try {
    return new URL(source).hostname;
  } catch {
    return '';
  }
}

/** Copies `text`; falls back to a hidden textarea and execCommand where the Clipboard API is refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no Clipboard API');
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    document.body.append(area);
    area.focus();
    area.select();
    try {
      return typeof document.execCommand === 'function' && document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
      focused?.focus(); // back to the button the reader pressed
    }
  }
}

/** Saves `text` as a file through a temporary object URL. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is only released after it had time to be read.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
