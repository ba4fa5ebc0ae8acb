// A log-log plot of time against text size, as a standalone SVG (no chart library): one polyline per series,
// a dashed line of slope 1 (linear growth) through the first series' middle point to compare with.

export interface Series {
  name: string;
  colour: string;
  points: Array<{ x: number; y: number }>;
  dashed?: boolean;
}

const W = 720;
const H = 440;
const M = { left: 70, right: 190, top: 30, bottom: 55 };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function decades(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) out.push(10 ** e);
  return out;
}

/** `xTicks`: where to mark the x axis (the sizes measured); decades when absent. */
export function logLogSvg(
  title: string,
  xLabel: string,
  yLabel: string,
  series: Series[],
  formatX: (x: number) => string,
  formatY: (y: number) => string,
  xTicks?: number[],
): string {
  const all = series.flatMap((s) => s.points).filter((p) => p.x > 0 && p.y > 0);
  const xs = xTicks?.length ? xTicks : decades(Math.min(...all.map((p) => p.x)), Math.max(...all.map((p) => p.x)));
  const ys = decades(Math.min(...all.map((p) => p.y)), Math.max(...all.map((p) => p.y)));
  // A little room on both sides of the first and last tick.
  const margin = xTicks?.length ? 0.15 : 0;
  const [x0, x1] = [Math.log10(xs[0]!) - margin, Math.log10(xs[xs.length - 1]!) + margin];
  const [y0, y1] = [Math.log10(ys[0]!), Math.log10(ys[ys.length - 1]!)];
  const px = (x: number) => M.left + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * (W - M.left - M.right);
  const py = (y: number) => H - M.bottom - ((Math.log10(y) - y0) / (y1 - y0 || 1)) * (H - M.top - M.bottom);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="12">`);
  parts.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  parts.push(`<text x="${M.left}" y="18" font-size="14" font-weight="600">${esc(title)}</text>`);
  for (const x of xs) {
    parts.push(`<line x1="${px(x)}" x2="${px(x)}" y1="${M.top}" y2="${H - M.bottom}" stroke="#e3e3e3"/>`);
    parts.push(`<text x="${px(x)}" y="${H - M.bottom + 18}" text-anchor="middle" fill="#333">${esc(formatX(x))}</text>`);
  }
  for (const y of ys) {
    parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${py(y)}" y2="${py(y)}" stroke="#e3e3e3"/>`);
    parts.push(`<text x="${M.left - 8}" y="${py(y) + 4}" text-anchor="end" fill="#333">${esc(formatY(y))}</text>`);
  }
  parts.push(`<rect x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}" fill="none" stroke="#999"/>`);
  parts.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - 12}" text-anchor="middle">${esc(xLabel)}</text>`);
  parts.push(`<text transform="translate(16 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`);

  const lines = [...series];
  const first = series[0]?.points.filter((p) => p.x > 0 && p.y > 0) ?? [];
  const mid = first[first.length >> 1];
  if (mid) {
    // y = k·x through the middle point: where a linear analyser would be at every size.
    const k = mid.y / mid.x;
    const lo = xs[0]!;
    const hi = xs[xs.length - 1]!;
    const clip = (x: number) => ({ x, y: Math.min(Math.max(k * x, ys[0]!), ys[ys.length - 1]!) });
    lines.push({
      name: 'linear (slope 1)',
      colour: '#888',
      dashed: true,
      points: [clip(Math.max(lo, ys[0]! / k)), clip(Math.min(hi, ys[ys.length - 1]! / k))],
    });
  }
  lines.forEach((s, i) => {
    const pts = s.points.filter((p) => p.x > 0 && p.y > 0);
    const d = pts.map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${d}" fill="none" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    if (!s.dashed) for (const p of pts) parts.push(`<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="3.5" fill="${s.colour}"/>`);
    const ly = M.top + 12 + i * 20;
    parts.push(
      `<line x1="${W - M.right + 14}" x2="${W - M.right + 38}" y1="${ly}" y2="${ly}" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
    );
    parts.push(`<text x="${W - M.right + 44}" y="${ly + 4}">${esc(s.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
