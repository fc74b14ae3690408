// The few charts of `engage report --format html`, as inline SVG strings: bars per week, stacked when there are
// several series, with an optional goal line. Colours come from the page's CSS classes (`s0`…`s8`, `goal`), so the
// same markup follows the light and dark schemes. Small on purpose: the interactive insights page will use a chart
// library; this page only has to open offline.

export interface Series {
  name: string;
  values: number[];
}

export interface BarChartSpec {
  /** Short accessible name; the table after the chart carries the numbers. */
  title: string;
  labels: string[];
  series: Series[];
  /** A horizontal line, in the values' unit (e.g. 0.1 for the 10% goal), with its label. */
  goal?: { value: number; label: string };
  /** Axis tick text for a value (e.g. a percentage). */
  tick?: (value: number) => string;
}

const WIDTH = 720;
const HEIGHT = 240;
// The right margin holds the goal line's label, clear of the bars.
const PAD = { left: 48, right: 64, top: 12, bottom: 28 };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A round upper bound for the axis: 1, 2 or 5 times a power of ten, at least `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((m) => m * power >= max) ?? 10;
  return step * power;
}

export function barChart(spec: BarChartSpec): string {
  const tick = spec.tick ?? ((v: number) => String(Math.round(v * 100) / 100));
  const n = spec.labels.length;
  const totals = spec.labels.map((_, i) => spec.series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
  const top = niceMax(Math.max(0, ...totals, spec.goal?.value ?? 0));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const y = (v: number): number => PAD.top + plotH - (v / top) * plotH;
  const band = n ? plotW / n : plotW;
  const barW = Math.max(1, band * 0.7);
  const parts: string[] = [];
  for (const v of [0, top / 2, top]) {
    parts.push(`<line class="grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"/>`);
    parts.push(`<text class="axis" x="${PAD.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${escapeHtml(tick(v))}</text>`);
  }
  const labelEvery = Math.max(1, Math.ceil(n / 16));
  spec.labels.forEach((label, i) => {
    const x = PAD.left + i * band + (band - barW) / 2;
    let base = 0;
    spec.series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      if (v <= 0) return;
      const h = y(base) - y(base + v);
      parts.push(`<rect class="s${k % 9}" x="${x.toFixed(1)}" y="${y(base + v).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}"><title>${escapeHtml(`${label} ${s.name}: ${tick(v)}`)}</title></rect>`);
      base += v;
    });
    if (i % labelEvery === 0) parts.push(`<text class="axis" x="${(x + barW / 2).toFixed(1)}" y="${HEIGHT - 8}" text-anchor="middle">${escapeHtml(label)}</text>`);
  });
  if (spec.goal) {
    const gy = y(spec.goal.value).toFixed(1);
    parts.push(`<line class="goal" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${gy}" y2="${gy}"/>`);
    parts.push(`<text class="goal-label" x="${WIDTH - PAD.right + 4}" y="${(Number(gy) + 4).toFixed(1)}">${escapeHtml(spec.goal.label)}</text>`);
  }
  return `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(spec.title)}" focusable="false">${parts.join('')}</svg>`;
}

/** The legend of a stacked chart: one swatch per series, in the series' colour class. */
export function legend(series: Series[]): string {
  if (series.length < 2) return '';
  return `<ul class="legend">${series.map((s, k) => `<li><span class="swatch s${k % 9}" aria-hidden="true"></span>${escapeHtml(s.name)}</li>`).join('')}</ul>`;
}
