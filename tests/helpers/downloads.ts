// Records the files a page saves through an object URL and a link's click: the blob behind each URL and the link's
// file name. The spies stay until `vi.restoreAllMocks()`.
import { vi } from 'vitest';

export function captureDownloads(): Array<{ name: string; blob: Blob }> {
  const blobs = new Map<string, Blob>();
  const files: Array<{ name: string; blob: Blob }> = [];
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:sourcier/${++n}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return files;
}
