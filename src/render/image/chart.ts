// The timeline chart: cumulative counts as step lines with official figures marked on them (upper
// panel), and new relationships per year as stacked bars (lower panel), on one shared time axis.
// The upper panel's scale fits the lines: an official figure far above them (both tiers together,
// 99 and up against some 30 named cities) is marked in a strip over the scale, at its date, with
// its value, instead of squashing the lines into the bottom of the panel. Each panel's key stands on
// its own title line.
import { LabelPlacer, type Marker, type Polyline } from './labels.js';
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
  /** The panel whose title line the item stands on. */
  panel: 'upper' | 'lower';
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
  /** Said in the strip over the upper scale where figures too large for it are marked. */
  offScaleLabel: string;
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
  /** The part of the upper panel on the scale, and the strip above it (null when every mark fits). */
  scaled: Box;
  strip: Box | null;
  /** Where `value` stands on the upper scale. */
  yUpper(value: number): number;
  /** Each official figure as drawn: its marker's centre (moved aside from another's) and its label's box. */
  marks: {
    mark: ChartMark;
    x: number;
    y: number;
    radius: number;
    offScale: boolean;
    label: Box | null;
    /** For a label set away from a crowded marker: the line from the marker's edge to the label. */
    leader?: [number, number, number, number];
  }[];
  /** The key, item by item, each on its panel's title line. */
  key: { item: ChartKeyItem; box: Box }[];
}

const LEFT = 56;
const RIGHT = 28;
const HEADER = 92;
const UPPER_HEIGHT = 300;
const GAP = 34;
const LOWER_HEIGHT = 140;
const AXIS = 26;
const SIZE = 13;
/** Height of the strip over the upper scale for figures off it, and the gap under it. */
const STRIP = 30;
const STRIP_GAP = 10;
/** A figure more than this many times the lines' top is marked off the scale. */
const OFF_SCALE = 1.6;
const MARK_RADIUS = 7;
/** Two markers closer than this (px, centre to centre) are moved apart along the time axis. */
const MARK_SPACING = 2 * MARK_RADIUS + 3;
const KEY_GAP = 20;
const SWATCH_GAP = 6;

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

/**
 * Markers that would overlap (the friendship count of 20 in February 2014 and the total of 20 in
 * November 2013) are spread along the time axis around their middle, in date order, so each shows.
 */
export function spreadMarks<T extends { x: number; y: number }>(points: T[], spacing: number): T[] {
  const out = points.map((p) => ({ ...p }));
  const close = (a: { x: number; y: number }, b: { x: number; y: number }) =>
    Math.abs(a.x - b.x) < spacing - 0.01 && Math.abs(a.y - b.y) < spacing;
  for (let round = 0; round < 10; round++) {
    // Groups of markers each within `spacing` of another in the group, on both axes (a marker on
    // another line between them in time does not split a group).
    const group = out.map((_, i) => i);
    const root = (i: number): number => (group[i] === i ? i : (group[i] = root(group[i]!)));
    for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) if (close(out[i]!, out[j]!)) group[root(i)] = root(j);
    }
    const groups = new Map<number, number[]>();
    out.forEach((_, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), i]));
    let moved = false;
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      members.sort((a, b) => out[a]!.x - out[b]!.x || a - b);
      const middle = members.reduce((n, i) => n + out[i]!.x, 0) / members.length;
      members.forEach((i, k) => {
        const x = middle + (k - (members.length - 1) / 2) * spacing;
        if (Math.abs(out[i]!.x - x) > 0.01) moved = true;
        out[i]!.x = x;
      });
    }
    if (!moved) break;
  }
  return out;
}

function keySwatch(item: ChartKeyItem, kx: number, mid: number): string {
  if (item.kind === 'line')
    return element('line', { x1: kx, y1: mid, x2: kx + 26, y2: mid, stroke: item.color, 'stroke-width': 2.5 });
  if (item.kind === 'diamond') return diamond(kx + 6, mid, 6, item.color);
  if (item.kind === 'band') return element('rect', { x: kx, y: mid - 7, width: 26, height: 14, fill: item.color });
  if (item.kind === 'bar') return element('rect', { x: kx + 2, y: mid - 7, width: 8, height: 14, fill: item.color });
  return element('rect', {
    x: kx + 0.5,
    y: mid - 5.5,
    width: 11,
    height: 11,
    fill: item.color,
    stroke: '#ffffff',
    'stroke-width': 1.2,
  });
}

function swatchWidth(item: ChartKeyItem): number {
  return item.kind === 'line' || item.kind === 'band' ? 26 : 12;
}

/** The key items' widths laid end to end, right-aligned to `right`; null when they would reach `left`. */
function keyRow(items: ChartKeyItem[], left: number, right: number): number[] | null {
  const widths = items.map((item) => swatchWidth(item) + SWATCH_GAP + textWidth(item.label, SIZE));
  const total = widths.reduce((a, b) => a + b, 0) + KEY_GAP * Math.max(0, items.length - 1);
  if (right - total < left) return null;
  const xs: number[] = [];
  let x = right - total;
  for (const w of widths) {
    xs.push(x);
    x += w + KEY_GAP;
  }
  return xs;
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

  // Upper panel: the scale fits the lines and the figures near them; larger figures go in a strip.
  const lineMax = Math.max(1, ...spec.lines.map((l) => l.events.length));
  const offScale = (m: ChartMark) => m.value > lineMax * OFF_SCALE;
  const onScaleMax = Math.max(lineMax, ...spec.marks.filter((m) => !offScale(m)).map((m) => m.value));
  const strip: Box | null = spec.marks.some(offScale) ? { x: LEFT, y: upper.y, width: plotWidth, height: STRIP } : null;
  const scaled: Box = strip
    ? { x: LEFT, y: upper.y + STRIP + STRIP_GAP, width: plotWidth, height: upper.height - STRIP - STRIP_GAP }
    : upper;
  const upperTicks = ticks(onScaleMax * 1.08, 5);
  const upperTop = upperTicks.at(-1)!;
  const yUpper = (v: number) => scaled.y + scaled.height - (v / upperTop) * scaled.height;
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
  let stripLabel: Box | null = null;
  if (strip) {
    // Shaded and titled apart from the grid: the strip is not on the scale below it.
    parts.push(element('rect', { x: strip.x, y: strip.y, width: strip.width, height: strip.height, fill: '#f3f4f6' }));
    const baseline = strip.y + strip.height / 2 + 4;
    parts.push(canvas.text(strip.x + 8, baseline, spec.offScaleLabel, muted));
    stripLabel = textBox(strip.x + 8, baseline, spec.offScaleLabel, 12);
  }
  const lines: Polyline[] = [];
  for (const line of spec.lines) {
    const events = [...line.events].sort((a, b) => a - b);
    const points: Polyline = [[x(spec.from), yUpper(0)]];
    events.forEach((at, i) => {
      points.push([x(at), yUpper(i)], [x(at), yUpper(i + 1)]);
    });
    points.push([x(spec.to + 1), yUpper(events.length)]);
    lines.push(points);
    const d = points.map(([px, py], i) => `${i ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`).join('');
    parts.push(
      element('path', { d, fill: 'none', stroke: line.color, 'stroke-width': 2.5, 'stroke-linejoin': 'round' }),
    );
  }

  const placed = spreadMarks(
    spec.marks.map((mark) => ({
      mark,
      x: x(mark.at),
      y: offScale(mark) ? strip!.y + strip!.height / 2 : yUpper(mark.value),
    })),
    MARK_SPACING,
  );
  const markers: Marker[] = placed.map((p, i) => ({ id: `mark${i}`, x: p.x, y: p.y, radius: MARK_RADIUS }));
  const placer = new LabelPlacer(upper, stripLabel ? [stripLabel] : [], markers, lines);
  for (const p of placed) {
    const r = MARK_RADIUS - 1.5;
    parts.push(
      p.mark.shape === 'diamond'
        ? diamond(p.x, p.y, MARK_RADIUS, p.mark.color)
        : element('rect', {
            x: p.x - r,
            y: p.y - r,
            width: 2 * r,
            height: 2 * r,
            fill: p.mark.color,
            stroke: '#ffffff',
            'stroke-width': 1.2,
          }),
    );
  }
  const markLabels = placed.map((p, i): { box: Box | null; leader?: [number, number, number, number] } => {
    const marker = markers[i]!;
    const label =
      placer.placeNear(marker, 'name', p.mark.label, 12, true, { gaps: [MARK_RADIUS + 3] }) ??
      placer.placeAway(marker, 'name', p.mark.label, 12, true);
    if (!label) return { box: null };
    if (label.leader) {
      const [x1, y1, x2, y2] = label.leader;
      parts.push(element('line', { x1, y1, x2, y2, stroke: p.mark.color, 'stroke-width': 1 }));
    }
    parts.push(
      canvas.text(label.x, label.y, label.text, { size: 12, bold: true, color: p.mark.color, halo: '#ffffff' }),
    );
    return { box: label.box, ...(label.leader ? { leader: label.leader } : {}) };
  });

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

  // Each panel's title, with its key on the same line, right-aligned; a key too long for that line
  // goes under the chart instead, in rows.
  const key: ChartLayout['key'] = [];
  const drawKeyItem = (item: ChartKeyItem, kx: number, baseline: number) => {
    parts.push(keySwatch(item, kx, baseline - SIZE * 0.35));
    parts.push(canvas.text(kx + swatchWidth(item) + SWATCH_GAP, baseline, item.label, ink));
    const text = textBox(kx + swatchWidth(item) + SWATCH_GAP, baseline, item.label, SIZE);
    key.push({ item, box: { x: kx, y: text.y, width: text.x + text.width - kx, height: text.height } });
  };
  const below: ChartKeyItem[] = [];
  for (const [panel, title] of [
    [upper, spec.lineAxis],
    [lower, spec.barAxis],
  ] as const) {
    const baseline = panel.y - 8;
    parts.push(canvas.text(LEFT, baseline, title, { ...ink, bold: true }));
    const items = spec.key.filter((item) => item.panel === (panel === upper ? 'upper' : 'lower'));
    const xs = keyRow(items, LEFT + textWidth(title, SIZE, true) + 2 * KEY_GAP, LEFT + plotWidth);
    if (xs) items.forEach((item, i) => drawKeyItem(item, xs[i]!, baseline));
    else below.push(...items);
  }
  let y = axisY + AXIS + (below.length ? 16 : -6);
  let kx = 16;
  for (const item of below) {
    const itemWidth = swatchWidth(item) + SWATCH_GAP + textWidth(item.label, SIZE);
    if (kx > 16 && kx + itemWidth > width - 16) {
      kx = 16;
      y += SIZE + 10;
    }
    drawKeyItem(item, kx, y);
    kx += itemWidth + KEY_GAP;
  }
  for (const note of spec.notes) {
    for (const line of wrapText(note, width - 32, 12)) {
      y += 18;
      parts.push(canvas.text(16, y, line, muted));
    }
  }
  const height = Math.ceil(y + 14);
  const svg = canvas.document(width, height, MAP_THEME.background, parts.join(''));
  const marks = placed.map((p, i) => ({
    mark: p.mark,
    x: p.x,
    y: p.y,
    radius: MARK_RADIUS,
    offScale: offScale(p.mark),
    label: markLabels[i]!.box,
    ...(markLabels[i]!.leader ? { leader: markLabels[i]!.leader } : {}),
  }));
  return { svg, layout: { width, height, x, upper, lower, scaled, strip, yUpper, marks, key } };
}

export function renderChart(spec: ChartSpec): Image & { layout: ChartLayout } {
  const { svg, layout } = chartSvg(spec);
  return { ...svgToPng(svg), layout };
}
