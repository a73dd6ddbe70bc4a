// The timeline chart: cumulative counts as step lines with official figures marked on them (upper
// panel), and new relationships per year as stacked bars (lower panel), on one shared time axis.
import { candidateBoxes, LabelPlacer, pointBox } from './labels.js';
import { MAP_THEME } from './map.js';
import { svgToPng, type Image } from './png.js';
import { element, SvgCanvas, textBox, wrapText, type Box } from './svg.js';
import { textWidth } from './fonts.js';

export interface ChartLine {
  label: string;
  color: string;
  /** When each counted relationship began, as fractional years (1982.77 for October 1982). */
  events: number[];
}

export interface ChartBars {
  label: string;
  color: string;
  /** New relationships in each year. */
  counts: Map<number, number>;
}

export interface ChartMark {
  /** Fractional year. */
  at: number;
  value: number;
  label: string;
  color: string;
  shape: 'diamond' | 'square';
}

export interface ChartKeyItem {
  kind: 'line' | 'bar' | 'diamond' | 'square' | 'band';
  color: string;
  label: string;
}

export interface ChartSpec {
  width: number;
  title: string;
  subtitle?: string;
  /** First and last year on the axis. */
  from: number;
  to: number;
  lines: ChartLine[];
  lineAxis: string;
  bars: ChartBars[];
  barAxis: string;
  marks: ChartMark[];
  /** Years shaded as the selected range. */
  highlight?: { from: number; to: number };
  key: ChartKeyItem[];
  notes: string[];
}

export interface ChartLayout {
  width: number;
  height: number;
  x(at: number): number;
  upper: Box;
  lower: Box;
}

const LEFT = 56;
const RIGHT = 28;
const HEADER = 92;
const UPPER_HEIGHT = 300;
const GAP = 34;
const LOWER_HEIGHT = 140;
const AXIS = 26;
const SIZE = 13;

/** Round tick steps: 1, 2, 5 × 10^n, aiming at about `count` ticks. */
function niceStep(max: number, count: number): number {
  const raw = Math.max(1, max) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return Math.max(1, step);
}

function ticks(max: number, count: number): number[] {
  const step = niceStep(max, count);
  const out: number[] = [];
  for (let v = 0; v < max + step; v += step) out.push(v);
  return out;
}

function diamond(x: number, y: number, r: number, fill: string): string {
  return element('path', {
    d: `M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z`,
    fill,
    stroke: '#ffffff',
    'stroke-width': 1.2,
  });
}

function chartSvg(spec: ChartSpec): { svg: string; layout: ChartLayout } {
  const width = spec.width;
  const plotWidth = width - LEFT - RIGHT;
  const upper: Box = { x: LEFT, y: HEADER, width: plotWidth, height: UPPER_HEIGHT };
  const lower: Box = { x: LEFT, y: HEADER + UPPER_HEIGHT + GAP, width: plotWidth, height: LOWER_HEIGHT };
  const span = spec.to + 1 - spec.from;
  const x = (at: number) => LEFT + ((at - spec.from) / span) * plotWidth;
  const canvas = new SvgCanvas();
  const parts: string[] = [];
  const ink = { size: SIZE, color: MAP_THEME.ink };
  const muted = { size: 12, color: MAP_THEME.muted };

  parts.push(canvas.text(16, 32, spec.title, { size: 22, bold: true, color: MAP_THEME.ink }));
  if (spec.subtitle) parts.push(canvas.text(16, 56, spec.subtitle, { size: 14, color: MAP_THEME.muted }));

  if (spec.highlight) {
    const x0 = x(Math.max(spec.from, spec.highlight.from));
    const x1 = x(Math.min(spec.to, spec.highlight.to) + 1);
    for (const panel of [upper, lower]) {
      parts.push(
        element('rect', { x: x0, y: panel.y, width: Math.max(0, x1 - x0), height: panel.height, fill: '#fff4cc' }),
      );
    }
  }

  // Upper panel: cumulative step lines and the official figures.
  const upperMax = Math.max(1, ...spec.lines.map((l) => l.events.length), ...spec.marks.map((m) => m.value));
  const upperTicks = ticks(upperMax * 1.08, 5);
  const upperTop = upperTicks.at(-1)!;
  const yUpper = (v: number) => upper.y + upper.height - (v / upperTop) * upper.height;
  for (const v of upperTicks) {
    parts.push(
      element('line', {
        x1: LEFT,
        y1: yUpper(v),
        x2: LEFT + plotWidth,
        y2: yUpper(v),
        stroke: '#e5e7eb',
        'stroke-width': 1,
      }),
    );
    parts.push(canvas.text(LEFT - 8, yUpper(v) + 4, String(v), { ...muted, anchor: 'end' }));
  }
  parts.push(canvas.text(LEFT, upper.y - 8, spec.lineAxis, { ...ink, bold: true }));
  for (const line of spec.lines) {
    const events = [...line.events].sort((a, b) => a - b);
    let d = `M${x(spec.from)},${yUpper(0)}`;
    events.forEach((at, i) => {
      d += `H${x(at).toFixed(1)}V${yUpper(i + 1).toFixed(1)}`;
    });
    d += `H${x(spec.to + 1)}`;
    parts.push(
      element('path', { d, fill: 'none', stroke: line.color, 'stroke-width': 2.5, 'stroke-linejoin': 'round' }),
    );
  }

  const markPoints = spec.marks.map((m) => ({ ...m, px: x(m.at), py: yUpper(m.value) }));
  const placer = new LabelPlacer(
    { x: LEFT + 2, y: upper.y + 2, width: plotWidth - 4, height: upper.height - 4 },
    markPoints.map((m) => pointBox(m.px, m.py, 6)),
  );
  for (const m of markPoints) {
    parts.push(
      m.shape === 'diamond'
        ? diamond(m.px, m.py, 7, m.color)
        : element('rect', {
            x: m.px - 5.5,
            y: m.py - 5.5,
            width: 11,
            height: 11,
            fill: m.color,
            stroke: '#ffffff',
            'stroke-width': 1.2,
          }),
    );
  }
  for (const m of markPoints) {
    const shape = textBox(0, 0, m.label, 12, true);
    const label = placer.place(
      `${m.at}`,
      'name',
      m.label,
      12,
      true,
      candidateBoxes(m.px, m.py, 9, shape.width, shape.height),
    );
    if (label)
      parts.push(canvas.text(label.x, label.y, label.text, { size: 12, bold: true, color: m.color, halo: '#ffffff' }));
  }

  // Lower panel: stacked bars.
  const years: number[] = [];
  for (let year = spec.from; year <= spec.to; year++) years.push(year);
  const totals = years.map((year) => spec.bars.reduce((n, b) => n + (b.counts.get(year) ?? 0), 0));
  const lowerTicks = ticks(Math.max(1, ...totals), 3);
  const lowerTop = lowerTicks.at(-1)!;
  const yLower = (v: number) => lower.y + lower.height - (v / lowerTop) * lower.height;
  for (const v of lowerTicks) {
    parts.push(
      element('line', {
        x1: LEFT,
        y1: yLower(v),
        x2: LEFT + plotWidth,
        y2: yLower(v),
        stroke: '#e5e7eb',
        'stroke-width': 1,
      }),
    );
    parts.push(canvas.text(LEFT - 8, yLower(v) + 4, String(v), { ...muted, anchor: 'end' }));
  }
  parts.push(canvas.text(LEFT, lower.y - 8, spec.barAxis, { ...ink, bold: true }));
  const barWidth = Math.max(2, plotWidth / span - 3);
  for (const year of years) {
    let stacked = 0;
    for (const series of spec.bars) {
      const count = series.counts.get(year) ?? 0;
      if (!count) continue;
      const top = yLower(stacked + count);
      parts.push(
        element('rect', {
          x: x(year) + (plotWidth / span - barWidth) / 2,
          y: top,
          width: barWidth,
          height: yLower(stacked) - top,
          fill: series.color,
        }),
      );
      stacked += count;
    }
  }

  // Shared time axis under the bars.
  const axisY = lower.y + lower.height;
  parts.push(
    element('line', { x1: LEFT, y1: axisY, x2: LEFT + plotWidth, y2: axisY, stroke: MAP_THEME.ink, 'stroke-width': 1 }),
  );
  parts.push(
    element('line', {
      x1: LEFT,
      y1: upper.y + upper.height,
      x2: LEFT + plotWidth,
      y2: upper.y + upper.height,
      stroke: MAP_THEME.ink,
      'stroke-width': 1,
    }),
  );
  const yearStep = span > 30 ? 5 : span > 12 ? 2 : 1;
  for (const year of years) {
    if (year % yearStep !== 0) continue;
    const cx = x(year + 0.5);
    parts.push(element('line', { x1: cx, y1: axisY, x2: cx, y2: axisY + 4, stroke: MAP_THEME.ink, 'stroke-width': 1 }));
    parts.push(canvas.text(cx, axisY + 18, String(year), { ...muted, anchor: 'middle' }));
  }

  // Key and notes.
  let y = axisY + AXIS + 16;
  let kx = 16;
  for (const item of spec.key) {
    const swatch = item.kind === 'line' || item.kind === 'band' ? 26 : 12;
    const itemWidth = swatch + 6 + textWidth(item.label, SIZE);
    if (kx > 16 && kx + itemWidth > width - 16) {
      kx = 16;
      y += SIZE + 10;
    }
    const mid = y - SIZE * 0.35;
    if (item.kind === 'line')
      parts.push(element('line', { x1: kx, y1: mid, x2: kx + 26, y2: mid, stroke: item.color, 'stroke-width': 2.5 }));
    else if (item.kind === 'diamond') parts.push(diamond(kx + 6, mid, 6, item.color));
    else if (item.kind === 'band')
      parts.push(element('rect', { x: kx, y: mid - 7, width: 26, height: 14, fill: item.color }));
    else if (item.kind === 'bar')
      parts.push(element('rect', { x: kx + 2, y: mid - 7, width: 8, height: 14, fill: item.color }));
    else
      parts.push(
        element('rect', {
          x: kx + 0.5,
          y: mid - 5.5,
          width: 11,
          height: 11,
          fill: item.color,
          stroke: '#ffffff',
          'stroke-width': 1.2,
        }),
      );
    parts.push(canvas.text(kx + swatch + 6, y, item.label, ink));
    kx += itemWidth + 20;
  }
  for (const note of spec.notes) {
    for (const line of wrapText(note, width - 32, 12)) {
      y += 18;
      parts.push(canvas.text(16, y, line, muted));
    }
  }
  const height = Math.ceil(y + 14);
  const svg = canvas.document(width, height, MAP_THEME.background, parts.join(''));
  return { svg, layout: { width, height, x, upper, lower } };
}

export function renderChart(spec: ChartSpec): Image & { layout: ChartLayout } {
  const { svg, layout } = chartSvg(spec);
  return { ...svgToPng(svg), layout };
}
