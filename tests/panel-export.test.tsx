// @vitest-environment happy-dom
// Exports: Markdown to the clipboard (with a fallback), Markdown and JSON files named after the title.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatJson, formatMarkdown } from '../analyser/format';
import { reportSchema, type Report } from '../analyser/report';
import { reportFileName } from '../components/panel/export';
import { Panel } from '../components/panel/Panel';
import { captureDownloads } from './helpers/downloads';
import { REPORT } from './panel-fixture';

const noop = () => {};
const renderReport = (report: Report = REPORT) =>
  render(<Panel state={{ status: 'ready', report }} highlightsVisible onAnalyse={noop} onShowFinding={noop} onHighlightsVisibleChange={noop} />);
const status = () => document.querySelector('.panel > [role="status"]')!.textContent;

let writeText: ReturnType<typeof vi.fn>;
beforeEach(() => {
  writeText = vi.fn().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('exports', () => {
  it('copies the report as the analyser’s Markdown', async () => {
    renderReport();
    fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    await waitFor(() => expect(status()).toBe('Report copied as Markdown.'));
    expect(writeText).toHaveBeenCalledWith(formatMarkdown(REPORT));
    const markdown = writeText.mock.calls[0]![0] as string;
    expect(markdown).toContain('31/100');
    expect(markdown).toContain('Selon nos sources');
  });

  it('falls back to a selected textarea when the Clipboard API is refused', async () => {
    writeText.mockRejectedValue(new DOMException('Document is not focused.', 'NotAllowedError'));
    let copied = '';
    const execCommand = vi.fn((command: string) => {
      copied = (document.activeElement as HTMLTextAreaElement | null)?.value ?? '';
      return command === 'copy';
    });
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    renderReport();
    fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    await waitFor(() => expect(status()).toBe('Report copied as Markdown.'));
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(copied).toBe(formatMarkdown(REPORT));
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('says so when nothing could be copied', async () => {
    writeText.mockRejectedValue(new Error('denied'));
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    renderReport();
    fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    await waitFor(() => expect(status()).toBe('Could not copy the report: download it instead.'));
  });

  it('downloads the Markdown under a file name made from the title', async () => {
    const files = captureDownloads();
    renderReport();
    fireEvent.click(screen.getByRole('button', { name: 'Download Markdown' }));
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toBe('sourcier-mali-la-colonne-de-wagner-arretee-pres-de-kidal.md');
    expect(files[0]!.blob.type).toContain('text/markdown');
    expect(await files[0]!.blob.text()).toBe(formatMarkdown(REPORT));
    expect(status()).toBe('Saved as sourcier-mali-la-colonne-de-wagner-arretee-pres-de-kidal.md.');
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('downloads the same JSON as the CLI, which reads back as the report', async () => {
    const files = captureDownloads();
    renderReport();
    fireEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    expect(files[0]!.name).toBe('sourcier-mali-la-colonne-de-wagner-arretee-pres-de-kidal.json');
    const text = await files[0]!.blob.text();
    expect(text).toBe(formatJson([REPORT]));
    expect(text.trimEnd()).toBe(JSON.stringify(REPORT, null, 2));
    expect(reportSchema.parse(JSON.parse(text))).toEqual(REPORT);
  });
});

describe('report file names', () => {
  it('falls back to the host, then to a generic name, and stays short', () => {
    expect(reportFileName({ ...REPORT, title: '' }, 'json')).toBe('sourcier-exemple-test.json');
    expect(reportFileName({ ...REPORT, title: '', source: '' }, 'md')).toBe('sourcier-report.md');
    const long = reportFileName({ ...REPORT, title: 'Très '.repeat(40) }, 'md');
    expect(long.length).toBeLessThanOrEqual('sourcier-'.length + 60 + '.md'.length);
    expect(long).toMatch(/^sourcier-tres(-tres)+\.md$/);
  });
});
