// The /timeline chart, checked for what a reader would notice: the yearly lines fill their panel
// (official totals far above them go in a strip, not on the scale), no marker hides another, labels
// stay clear of markers and of each other, and each panel's key stands on its title line unwrapped.
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load.js';
import { renderChart, spreadMarks, type ChartLayout, type ChartSpec } from '../../src/render/image/chart.js';
import { overlaps, type Box } from '../../src/render/image/svg.js';
import { timelineChartSpec } from '../../src/views/chart.js';
import { decodePng } from './png.js';

const data = loadDataset();
const MEGABYTE = 1024 * 1024;

const cases: [string, ChartSpec][] = [
  ['English', timelineChartSpec(data, {}, 'en')],
  ['Chinese', timelineChartSpec(data, {}, 'zh-CN')],
  ['English, 2005–2016 selected', timelineChartSpec(data, { from: 2005, to: 2016 }, 'en')],
  ['Chinese, from 2010 on', timelineChartSpec(data, { from: 2010 }, 'zh-CN')],
];

function markerBox(m: ChartLayout['marks'][number]): Box {
  return { x: m.x - m.radius, y: m.y - m.radius, width: 2 * m.radius, height: 2 * m.radius };
}

function within(box: Box, frame: Box): boolean {
  return (
    box.x >= frame.x &&
    box.y >= frame.y &&
    box.x + box.width <= frame.x + frame.width &&
    box.y + box.height <= frame.y + frame.height
  );
}

describe.each(cases)('the timeline chart (%s)', (_name, spec) => {
  const chart = renderChart(spec);
  const { layout } = chart;

  it('is a PNG of the size laid out, under 1 MB', () => {
    const png = decodePng(chart.png);
    expect([png.width, png.height]).toEqual([layout.width, layout.height]);
    expect(chart.png.byteLength).toBeLessThan(MEGABYTE);
  });

  it('lets the running totals fill their panel: the highest line reaches its upper half', () => {
    const top = Math.max(...spec.lines.map((l) => l.events.length));
    expect(layout.yUpper(top)).toBeLessThan(layout.upper.y + layout.upper.height / 2);
    expect(layout.yUpper(0)).toBeCloseTo(layout.upper.y + layout.upper.height);
  });

  it('marks every official figure: on the scale at its value, or in the strip above it with its value', () => {
    expect(layout.marks.map((m) => m.mark)).toEqual(spec.marks);
    for (const m of layout.marks) {
      if (m.offScale) {
        expect(layout.strip, m.mark.label).not.toBeNull();
        expect(within(markerBox(m), layout.strip!), `${m.mark.label} in the strip`).toBe(true);
      } else {
        expect(m.y).toBeCloseTo(layout.yUpper(m.mark.value));
        expect(within(markerBox(m), layout.scaled), `${m.mark.label} on the scale`).toBe(true);
      }
      // Moved aside from a neighbour by a few pixels at most: about a month on the time axis.
      expect(Math.abs(m.x - layout.x(m.mark.at)), m.mark.label).toBeLessThan(12);
    }
    // Off the scale means well above the lines, not a figure that merely tops them.
    const top = Math.max(...spec.lines.map((l) => l.events.length));
    for (const m of layout.marks.filter((x) => x.offScale)) expect(m.mark.value).toBeGreaterThan(top);
  });

  it('never draws one marker over another', () => {
    for (let i = 0; i < layout.marks.length; i++) {
      for (let j = i + 1; j < layout.marks.length; j++) {
        const [a, b] = [layout.marks[i]!, layout.marks[j]!];
        expect(
          overlaps(markerBox(a), markerBox(b)),
          `${a.mark.label} (${a.mark.at.toFixed(2)}) / ${b.mark.label} (${b.mark.at.toFixed(2)})`,
        ).toBe(false);
      }
    }
  });

  it('labels every marker with its value, next to it or joined by a leader, clear of every marker and of the other labels', () => {
    const boxes = layout.marks.map((m) => m.label);
    layout.marks.forEach((m, i) => {
      const label = boxes[i];
      expect(label, `${m.mark.label} labelled`).not.toBeNull();
      expect(within(label!, layout.upper), m.mark.label).toBe(true);
      for (const other of layout.marks)
        expect(overlaps(label!, markerBox(other)), `${m.mark.label} over a marker`).toBe(false);
      for (const other of boxes.slice(i + 1))
        expect(overlaps(label!, other!), `${m.mark.label} over a label`).toBe(false);
      if (m.leader) {
        const [x1, y1, x2, y2] = m.leader;
        expect(Math.hypot(x1 - m.x, y1 - m.y), `${m.mark.label}: leader starts at its marker`).toBeLessThan(
          m.radius + 2,
        );
        expect(
          x2 >= label!.x - 0.5 &&
            x2 <= label!.x + label!.width + 0.5 &&
            y2 >= label!.y - 0.5 &&
            y2 <= label!.y + label!.height + 0.5,
          `${m.mark.label}: leader ends at its label`,
        ).toBe(true);
        return;
      }
      const gap = Math.max(
        label!.x - (m.x + m.radius),
        m.x - m.radius - (label!.x + label!.width),
        label!.y - (m.y + m.radius),
        m.y - m.radius - (label!.y + label!.height),
        0,
      );
      expect(gap, `${m.mark.label} next to its marker`).toBeLessThan(8);
    });
  });

  it('keeps each panel’s key on that panel’s title line, in one row inside the picture', () => {
    expect(layout.key.map((k) => k.item)).toEqual(spec.key);
    for (const [panel, box] of [
      ['upper', layout.upper],
      ['lower', layout.lower],
    ] as const) {
      const row = layout.key.filter((k) => k.item.panel === panel);
      expect(row.length, panel).toBeGreaterThan(0);
      expect(new Set(row.map((k) => Math.round(k.box.y))).size, `${panel} key in one row`).toBe(1);
      for (const k of row) {
        expect(k.box.y + k.box.height, k.item.label).toBeLessThanOrEqual(box.y + 2);
        expect(k.box.x + k.box.width, k.item.label).toBeLessThanOrEqual(layout.width);
      }
      for (let i = 1; i < row.length; i++)
        expect(row[i]!.box.x, row[i]!.item.label).toBeGreaterThan(row[i - 1]!.box.x + row[i - 1]!.box.width);
    }
  });
});

describe('official figures crowded at the top', () => {
  it('are spread apart in the strip, each labelled, even with a figure on the scale between them in time', () => {
    const spec = timelineChartSpec(data, {}, 'en');
    const crowded: ChartSpec['marks'] = [
      { at: 2018.88, value: 107, label: '~107', color: '#374151', shape: 'square' },
      { at: 2019.29, value: 28, label: '28', color: '#1f77b4', shape: 'diamond' },
      { at: 2019.29, value: 111, label: '111', color: '#374151', shape: 'square' },
      { at: 2019.8, value: 110, label: '110+', color: '#374151', shape: 'square' },
    ];
    const { layout } = renderChart({ ...spec, marks: crowded });
    const inStrip = layout.marks.filter((m) => m.offScale);
    expect(inStrip).toHaveLength(3);
    for (let i = 1; i < inStrip.length; i++)
      expect(inStrip[i]!.x - inStrip[i - 1]!.x).toBeGreaterThanOrEqual(2 * inStrip[i]!.radius);
    expect(layout.marks.every((m) => m.label !== null)).toBe(true);
  });
});

describe('a key too long for its title line', () => {
  it('goes under the chart in rows that stay inside the picture', () => {
    const spec = { ...timelineChartSpec(data, { from: 2005, to: 2016 }, 'en'), width: 640 };
    const { layout } = renderChart(spec);
    expect(layout.key.map((k) => k.item)).toEqual(spec.key);
    for (const k of layout.key) {
      expect(k.box.x, k.item.label).toBeGreaterThanOrEqual(0);
      expect(k.box.x + k.box.width, k.item.label).toBeLessThanOrEqual(640);
    }
    // The upper panel's four items do not fit beside its title at this width: they stand under the time axis.
    const upper = layout.key.filter((k) => k.item.panel === 'upper');
    for (const k of upper) expect(k.box.y, k.item.label).toBeGreaterThan(layout.lower.y + layout.lower.height);
    expect(layout.height).toBeGreaterThan(Math.max(...layout.key.map((k) => k.box.y + k.box.height)));
  });
});

describe('markers close together', () => {
  it('are spread along the time axis around their middle, in date order', () => {
    const spread = spreadMarks(
      [
        { id: 'a', x: 100, y: 50 },
        { id: 'b', x: 104, y: 50 },
        { id: 'c', x: 300, y: 50 },
        { id: 'd', x: 301, y: 120 },
      ],
      17,
    );
    expect(spread.map((p) => p.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(spread[0]!.x).toBeCloseTo(102 - 8.5);
    expect(spread[1]!.x).toBeCloseTo(102 + 8.5);
    // Far apart, or apart on the other axis: left where they are.
    expect(spread[2]!.x).toBe(300);
    expect(spread[3]!.x).toBe(301);
  });

  it('as the two counts of 20 a few months apart were: both drawn, side by side, each labelled', () => {
    const spec = timelineChartSpec(data, {}, 'en');
    const twenties: ChartSpec['marks'] = [
      { at: 2013.87, value: 20, label: '20', color: '#374151', shape: 'square' },
      { at: 2014.12, value: 20, label: '20', color: '#1f77b4', shape: 'diamond' },
    ];
    const { layout } = renderChart({ ...spec, marks: twenties });
    const [a, b] = layout.marks;
    expect(Math.abs(a!.x - b!.x)).toBeGreaterThanOrEqual(2 * a!.radius);
    expect(a!.x).toBeLessThan(b!.x);
    expect(layout.marks.every((m) => m.label !== null)).toBe(true);
    expect(overlaps(a!.label!, b!.label!)).toBe(false);
  });
});
