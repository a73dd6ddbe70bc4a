// The map images: decoded back from PNG and checked pixel by pixel where it matters (Wuhan's marker,
// each city's point, the highlighted city), compared with a reference image, and checked for what a
// reader would notice: overlapping labels, arcs wrapping round the edge, missing Chinese glyphs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load.js';
import type { City, Continent } from '../../src/data/types.js';
import { shape } from '../../src/render/image/fonts.js';
import { distanceToBox, segmentCrossesBox } from '../../src/render/image/labels.js';
import { arcPaths, layoutMap, MAP_THEME, renderMap, type MapLayout, type MapSpec } from '../../src/render/image/map.js';
import { svgToPng } from '../../src/render/image/png.js';
import { overlaps, SvgCanvas, type Box } from '../../src/render/image/svg.js';
import { cityMapSpec, TIER_COLORS, UNDATED_COLOR, worldMapSpec, type MapFilters } from '../../src/views/map.js';
import { decodePng, meanAbsoluteDifference, near } from './png.js';

const data = loadDataset();
const city = (id: string): City => data.cities.find((c) => c.id === id)!;
const MEGABYTE = 1024 * 1024;

function worldSpec(filters: Partial<MapFilters> = {}, locale: 'en' | 'zh-CN' = 'en'): MapSpec {
  return worldMapSpec(data, { colorBy: 'tier', ...filters }, locale)!;
}

/** Every box a label must keep clear of: the points and Wuhan's marker. */
function pointBoxes(layout: MapLayout): Box[] {
  return [layout.home, ...layout.points].map((p) => ({ x: p.x - 4, y: p.y - 4, width: 8, height: 8 }));
}

/** A label's box ends this close (px) to its point's centre: marker radius plus a few px. */
const TOUCHING = 12;
/** Wuhan's name may stand a little further off: its 7.5 px marker plus up to 18 px. */
const HOME_TOUCHING = 26;
/** A leader starts this close to its point's centre: on the marker's edge. */
const MARKER_REACH = 9;

function contains(box: Box, p: { x: number; y: number }): boolean {
  return p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;
}

function inside(box: Box, frame: Box): boolean {
  return (
    box.x >= frame.x &&
    box.y >= frame.y &&
    box.x + box.width <= frame.x + frame.width &&
    box.y + box.height <= frame.y + frame.height
  );
}

describe('the world map', () => {
  const spec = worldSpec({ chosen: city('duisburg') });
  const map = renderMap(spec);
  const png = decodePng(map.png);

  it('is a PNG of the size laid out, under 1 MB', () => {
    expect(png.width).toBe(map.layout.width);
    expect(png.height).toBe(map.layout.height);
    expect(png.width).toBe(1200);
    expect(map.png.byteLength).toBeLessThan(MEGABYTE);
  });

  it('marks Wuhan in its red at its projected position, centred left to right', () => {
    const [x, y] = map.layout.project(data.wuhan.coordinates.lon, data.wuhan.coordinates.lat);
    expect(map.layout.home).toEqual({ x, y });
    expect(near(png.at(x, y), MAP_THEME.home)).toBe(true);
    expect(Math.abs(x - (map.layout.frame.x + map.layout.frame.width / 2))).toBeLessThan(1);
  });

  it('draws a point for every partner city with coordinates, in a point colour, and none for Essonne', () => {
    // A memorandum or a district tie (Kazan, Graz District II) is no partner city: /map leaves it off unless asked for.
    const drawable = data.cities.filter((c) => c.coordinates && (c.tier === 'friendship' || c.tier === 'exchange'));
    expect(map.layout.points.map((p) => p.id).sort()).toEqual(drawable.map((c) => c.id).sort());
    expect(map.layout.points.some((p) => p.id === 'essonne')).toBe(false);
    // Points 4 px apart (Cheongju and Daegu) overlap: a point colour within 2 px of the city will do.
    const pointColors = [TIER_COLORS.friendship, TIER_COLORS.exchange, MAP_THEME.highlight];
    for (const p of map.layout.points) {
      const around: number[][] = [];
      for (let dx = -2; dx <= 2; dx++) for (let dy = -2; dy <= 2; dy++) around.push(png.at(p.x + dx, p.y + dy));
      expect(
        around.some((pixel) => pointColors.some((color) => near(pixel, color))),
        `${p.id} at ${p.x},${p.y}`,
      ).toBe(true);
    }
    // Far from any other point, a city shows its own tier's colour.
    const sydney = map.layout.points.find((p) => p.id === 'sydney')!;
    expect(near(png.at(sydney.x, sydney.y), TIER_COLORS.exchange)).toBe(true);
    const christchurch = map.layout.points.find((p) => p.id === 'christchurch')!;
    expect(near(png.at(christchurch.x, christchurch.y), TIER_COLORS.friendship)).toBe(true);
  });

  it('paints the chosen city in the highlight colour and keeps its name, not a number', () => {
    const duisburg = map.layout.points.find((p) => p.id === 'duisburg')!;
    expect(near(png.at(duisburg.x, duisburg.y), MAP_THEME.highlight)).toBe(true);
    expect(map.layout.labels.find((l) => l.id === 'duisburg')).toMatchObject({ kind: 'name', text: 'Duisburg' });
    expect(map.layout.numbered.map((n) => n.id)).not.toContain('duisburg');
  });

  it('says in the image what it leaves out and where its data comes from', () => {
    expect(spec.notes.join(' ')).toContain('Essonne');
    expect(spec.notes.join(' ')).toContain('GeoNames');
    expect(spec.notes.join(' ')).toContain('Natural Earth');
  });

  it('draws every arc in one piece: none wraps round the edge of the map', () => {
    for (const { id, d } of arcPaths(spec)) {
      expect(d.match(/M/g), id).toHaveLength(1);
    }
  });
});

describe('labels', () => {
  const continents: Continent[] = ['Asia', 'Europe', 'Africa', 'North America', 'South America', 'Oceania'];
  const cases: [string, MapSpec][] = [
    ['world, English', worldSpec()],
    ['world, Chinese', worldSpec({}, 'zh-CN')],
    ['world by decade, a city chosen', worldSpec({ colorBy: 'decade', chosen: city('arnhem') })],
    ['Europe by decade', worldSpec({ continent: 'Europe', colorBy: 'decade' })],
    ...continents.flatMap((continent): [string, MapSpec][] => [
      [continent, worldSpec({ continent })],
      [`${continent}, Chinese`, worldSpec({ continent }, 'zh-CN')],
    ]),
  ];

  it.each(cases)(
    'touch their own point, or are joined to it by a leader line, and no other point is as near (%s)',
    (_name, spec) => {
      const layout = layoutMap(spec);
      const points = [{ id: 'home', ...layout.home }, ...layout.points];
      for (const label of layout.labels) {
        const own = points.find((p) => p.id === label.id)!;
        const others = points.filter((p) => p !== own);
        for (const other of others)
          expect(contains(label.box, other), `${label.text} holds ${other.id}'s point`).toBe(false);
        if (label.leader) {
          const [x1, y1, x2, y2] = label.leader;
          expect(Math.hypot(x1 - own.x, y1 - own.y), `${label.text}: leader starts at its point`).toBeLessThan(
            MARKER_REACH,
          );
          expect(distanceToBox(x2, y2, label.box), `${label.text}: leader ends at the label`).toBeLessThan(0.5);
          expect(Math.hypot(x2 - x1, y2 - y1), `${label.text}: leader long enough to see`).toBeGreaterThan(5);
        } else if (label.id === 'home') {
          // Set a little further out to stay clear of the arcs; red and bold like its marker.
          expect(distanceToBox(own.x, own.y, label.box), label.text).toBeLessThan(HOME_TOUCHING);
        } else {
          const gap = distanceToBox(own.x, own.y, label.box);
          expect(gap, `${label.text} within ${TOUCHING} px of its point`).toBeLessThan(TOUCHING);
          for (const other of others)
            expect(
              distanceToBox(other.x, other.y, label.box),
              `${label.text}: ${other.id} nearer than its own point`,
            ).toBeGreaterThan(gap);
        }
      }
    },
  );

  it.each(cases)("keep Wuhan's name clear of every arc (%s)", (_name, spec) => {
    const home = layoutMap(spec).labels.find((l) => l.id === 'home')!;
    for (const { id, d } of arcPaths(spec)) {
      const xy = (d.match(/-?[\d.]+/g) ?? []).map(Number);
      for (let i = 2; i + 1 < xy.length; i += 2) {
        expect(segmentCrossesBox(xy[i - 2]!, xy[i - 1]!, xy[i]!, xy[i + 1]!, home.box), id).toBe(false);
      }
    }
  });

  it.each(cases)('never overlap each other or a point, and stay inside the map (%s)', (_name, spec) => {
    const layout = layoutMap(spec);
    const labels = layout.labels;
    for (let i = 0; i < labels.length; i++) {
      expect(inside(labels[i]!.box, layout.frame), labels[i]!.text).toBe(true);
      for (let j = i + 1; j < labels.length; j++) {
        expect(overlaps(labels[i]!.box, labels[j]!.box), `${labels[i]!.text} / ${labels[j]!.text}`).toBe(false);
      }
      for (const point of pointBoxes(layout)) expect(overlaps(labels[i]!.box, point), labels[i]!.text).toBe(false);
    }
  });

  it.each(cases)('name or number every point, numbers listed once each (%s)', (_name, spec) => {
    const layout = layoutMap(spec);
    const labelled = new Set(layout.labels.map((l) => l.id));
    for (const p of layout.points) expect(labelled.has(p.id), p.id).toBe(true);
    expect(layout.labels.filter((l) => l.kind === 'number').map((l) => Number(l.text))).toEqual(
      layout.numbered.map((n) => n.number),
    );
    expect(layout.numbered.map((n) => n.number)).toEqual(layout.numbered.map((_, i) => i + 1));
  });
});

describe('colour by decade', () => {
  it('paints a 1979 city, a 2016 city and an undated one in their decade colours', () => {
    const spec = worldSpec({ colorBy: 'decade' });
    const colorOf = (id: string) => spec.points.find((p) => p.id === id)!.color;
    expect(new Set([colorOf('oita'), colorOf('daegu'), colorOf('bishkek')]).size).toBe(3);
    expect(colorOf('bishkek')).toBe(UNDATED_COLOR);
    expect(spec.key.map((k) => k.label)).toEqual(expect.arrayContaining(['1970s', '2010s', 'Date unknown']));
  });

  it('draws ended and phasing-out ties dashed', () => {
    const spec = worldSpec();
    expect(
      spec.points
        .filter((p) => p.dashed)
        .map((p) => p.id)
        .sort(),
    ).toEqual(['arnhem', 'borlange']);
  });
});

describe('Chinese labels', () => {
  it('have a glyph for every character the zh-CN map draws (no missing-glyph boxes)', () => {
    const spec = worldSpec({ chosen: city('oita') }, 'zh-CN');
    const texts = [
      spec.title!,
      spec.subtitle!,
      spec.home.label,
      spec.numberedHeading,
      ...spec.points.map((p) => p.label),
      ...spec.key.map((k) => k.label),
      ...spec.notes,
    ];
    expect(texts.join('')).toMatch(/武汉/);
    for (const text of texts) {
      const missing = [...text].filter(
        (ch, i) => ch.trim() && shape(text).glyphs[[...text].slice(0, i).length]!.glyph === 0,
      );
      expect(missing, text).toEqual([]);
    }
  });

  it('draw 武汉 as glyphs, unlike a character no font has, which draws the missing-glyph box', () => {
    const draw = (text: string) => {
      const canvas = new SvgCanvas();
      const body = canvas.text(10, 44, text, { size: 40, color: '#000000' });
      return decodePng(svgToPng(canvas.document(110, 60, '#ffffff', body)).png);
    };
    const wuhan = draw('武汉');
    const missing = draw('\ue000\ue000');
    const plainWhite = decodePng(svgToPng(new SvgCanvas().document(110, 60, '#ffffff', '')).png);
    expect(meanAbsoluteDifference(wuhan, plainWhite)).toBeGreaterThan(10); // there is ink
    expect(meanAbsoluteDifference(wuhan, missing)).toBeGreaterThan(10); // and it is not the box
    expect(shape('武汉').glyphs.map((g) => g.font.name)).toEqual(['chinese', 'chinese']);
  });
});

describe('a reference image', () => {
  // A fixed scene (not the dataset, which grows) so the comparison tests the drawing alone.
  const reference: MapSpec = {
    width: 640,
    mapHeight: 320,
    title: 'Reference map 参考',
    home: { lon: 114.26667, lat: 30.58333, label: 'Wuhan 武汉' },
    points: [
      {
        id: 'duisburg',
        lon: 6.76516,
        lat: 51.43247,
        label: 'Duisburg',
        color: TIER_COLORS.friendship,
        dashed: false,
        highlight: true,
      },
      {
        id: 'sydney',
        lon: 151.20732,
        lat: -33.86785,
        label: 'Sydney',
        color: TIER_COLORS.exchange,
        dashed: false,
        highlight: false,
      },
      {
        id: 'pittsburgh',
        lon: -79.99589,
        lat: 40.44062,
        label: '匹兹堡市',
        color: TIER_COLORS.friendship,
        dashed: false,
        highlight: false,
      },
      {
        id: 'arnhem',
        lon: 5.91111,
        lat: 51.98,
        label: 'Arnhem',
        color: TIER_COLORS.friendship,
        dashed: true,
        highlight: false,
      },
      {
        id: 'concepcion',
        lon: -73.04977,
        lat: -36.82699,
        label: 'Concepción',
        color: TIER_COLORS.friendship,
        dashed: false,
        highlight: false,
      },
    ],
    view: 'world',
    key: [
      { kind: 'point', color: TIER_COLORS.friendship, label: 'Friendship' },
      { kind: 'dashed', color: '#1f2937', label: 'Ended' },
    ],
    numberedHeading: 'Numbered',
    notes: ['GeoNames · Natural Earth'],
  };
  const path = fileURLToPath(new URL('../fixtures/map-reference.png', import.meta.url));

  it('matches test/fixtures/map-reference.png within a small mean difference', () => {
    const rendered = renderMap(reference);
    // After a deliberate change to the drawing: UPDATE_REFERENCE=1 npx vitest run test/images/map.test.ts
    if (process.env.UPDATE_REFERENCE) writeFileSync(path, rendered.png);
    expect(existsSync(path)).toBe(true);
    const expected = decodePng(new Uint8Array(readFileSync(path)));
    const actual = decodePng(rendered.png);
    expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
    // Same renderer and fonts give the same pixels; the margin allows another CPU's rounding, not a lost label.
    expect(meanAbsoluteDifference(actual, expected)).toBeLessThan(0.2);
  });
});

describe('city maps', () => {
  it('exist for every city with coordinates, each under 1 MB, with the arc and both ends', () => {
    for (const c of data.cities) {
      const spec = cityMapSpec(data, c, 'en');
      if (!c.coordinates) {
        expect(spec, c.id).toBeNull();
        continue;
      }
      const map = renderMap(spec!);
      expect(map.png.byteLength, c.id).toBeLessThan(MEGABYTE);
      const png = decodePng(map.png);
      const [point] = map.layout.points;
      expect(near(png.at(point!.x, point!.y), MAP_THEME.highlight), c.id).toBe(true);
      expect(near(png.at(map.layout.home.x, map.layout.home.y), MAP_THEME.home), c.id).toBe(true);
    }
  });
});
