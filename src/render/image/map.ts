// A world map of arcs from one home point (Wuhan) to partner points, as SVG and then PNG.
// The projection (Natural Earth) is rotated to centre on home's longitude: an arc from the centre to
// any point spans less than 180° of longitude, so no arc runs off one edge and back in at the other.
// Labels are placed greedily around their points and never overlap each other, a point or the
// frame; a point whose label finds no room gets a number, listed in the legend under the map.
import {
  geoGraticule10,
  geoInterpolate,
  geoNaturalEarth1,
  geoPath,
  type GeoPermissibleObjects,
  type GeoProjection,
} from 'd3-geo';
import type { Feature, FeatureCollection, LineString, MultiLineString } from 'geojson';
import { svgToPng, type Image } from './png.js';
import { LabelPlacer, type Marker, type PlacedLabel, type Polyline } from './labels.js';
import { element, SvgCanvas, wrapText, type Box, type TextStyle } from './svg.js';
import { textWidth } from './fonts.js';
import {
  expandCountry,
  expandLine,
  type FlatCountry,
  type FlatLine,
  loadFlatWorld,
  loadWorld,
  type Resolution,
} from './world.js';

export const MAP_THEME = {
  background: '#ffffff',
  ocean: '#dcebf5',
  graticule: '#c8dcea',
  land: '#f3efe6',
  border: '#b8b0a0',
  frame: '#94a3b8',
  ink: '#1f2937',
  muted: '#4b5563',
  halo: '#ffffff',
  home: '#d4213d',
  highlight: '#ffc107',
  highlightRing: '#111827',
} as const;

export interface MapPoint {
  id: string;
  lon: number;
  lat: number;
  label: string;
  /** #rrggbb */
  color: string;
  /** Ended or phasing-out ties: the arc is dashed. */
  dashed: boolean;
  highlight: boolean;
}

export type KeyKind = 'point' | 'line' | 'dashed' | 'highlight';

export interface KeyItem {
  kind: KeyKind;
  color: string;
  label: string;
}

export interface MapSpec {
  width: number;
  /** Height of the map panel; the header and the legend below it add to the image's height. */
  mapHeight: number;
  title?: string;
  subtitle?: string;
  home: { lon: number; lat: number; label: string };
  points: MapPoint[];
  /** 'world' shows the whole globe; 'fit' zooms to the arcs. */
  view: 'world' | 'fit';
  key: KeyItem[];
  /** Heading of the numbered list, shown when some labels became numbers. */
  numberedHeading: string;
  /** Lines under the legend: what is not drawn, where the data comes from. */
  notes: string[];
}

export type { PlacedLabel };

export interface MapLayout {
  width: number;
  height: number;
  /** The map panel: everything geographic is drawn (and clipped) inside it. */
  frame: Box;
  project(lon: number, lat: number): [number, number];
  home: { x: number; y: number };
  points: { id: string; x: number; y: number; color: string; highlight: boolean }[];
  labels: PlacedLabel[];
  /** Points labelled by number, in number order. */
  numbered: { number: number; id: string; label: string }[];
}

export interface RenderedMap extends Image {
  layout: MapLayout;
}

const POINT_RADIUS = 4.5;
const HIGHLIGHT_RADIUS = 7;
const HOME_RADIUS = 7.5;
const LABEL_SIZE = 14;
const HOME_LABEL_SIZE = 16;
const NUMBER_SIZE = 12;
const KEY_SIZE = 13;
const NOTE_SIZE = 12;
const MARGIN = 16;
/** Straight pieces an arc is cut into when labels are kept off it. */
const ARC_SAMPLES = 64;
/** A fitted view shows at least this many degrees of longitude, so a short arc is not blown up. */
const MIN_SPAN_DEGREES = 28;
/** The equator's length in Natural Earth at scale 1: 2π × 0.8707. */
const EQUATOR_LENGTH = 2 * Math.PI * 0.8707;
/** Views narrower than this (degrees of longitude) draw Natural Earth's 1:50m shapes. */
const FINE_SPAN_DEGREES = 75;

function headerHeight(spec: MapSpec): number {
  if (!spec.title) return 0;
  return spec.subtitle ? 72 : 48;
}

function arcOf(spec: MapSpec, point: MapPoint): Feature<LineString> {
  return {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'LineString',
      coordinates: [
        [spec.home.lon, spec.home.lat],
        [point.lon, point.lat],
      ],
    },
  };
}

/** The arc as a projected polyline, for labels to keep off it. */
function arcLine(spec: MapSpec, point: MapPoint, project: (lon: number, lat: number) => [number, number]): Polyline {
  const along = geoInterpolate([spec.home.lon, spec.home.lat], [point.lon, point.lat]);
  const line: Polyline = [];
  for (let i = 0; i <= ARC_SAMPLES; i++) line.push(project(...along(i / ARC_SAMPLES)));
  return line;
}

function projectionFor(spec: MapSpec, frame: Box): GeoProjection {
  const projection = geoNaturalEarth1().rotate([-spec.home.lon, 0]);
  const pad = spec.view === 'world' ? 8 : 56;
  const extent: [[number, number], [number, number]] = [
    [frame.x + pad, frame.y + pad],
    [frame.x + frame.width - pad, frame.y + frame.height - pad],
  ];
  if (spec.view === 'world' || spec.points.length === 0) return projection.fitExtent(extent, { type: 'Sphere' });
  const arcs: GeoPermissibleObjects = { type: 'FeatureCollection', features: spec.points.map((p) => arcOf(spec, p)) };
  projection.fitExtent(extent, arcs);
  // A short arc (Wuhan–Daegu) would fill the frame: zoom out to a sensible span, same centre.
  const maxScale = ((extent[1][0] - extent[0][0]) * 360) / (MIN_SPAN_DEGREES * EQUATOR_LENGTH);
  if (projection.scale() > maxScale) {
    const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(arcs);
    const centre = projection.invert!([(x0 + x1) / 2, (y0 + y1) / 2])!;
    projection.scale(maxScale).translate([0, 0]);
    const [cx, cy] = projection(centre)!;
    projection.translate([frame.x + frame.width / 2 - cx, frame.y + frame.height / 2 - cy]);
  }
  return projection;
}

export function layoutMap(spec: MapSpec): MapLayout {
  const top = headerHeight(spec);
  const frame: Box = { x: 0, y: top, width: spec.width, height: spec.mapHeight };
  const projection = projectionFor(spec, frame);
  const project = (lon: number, lat: number): [number, number] => {
    const xy = projection([lon, lat]);
    if (!xy) throw new Error(`cannot project ${lon}, ${lat}`);
    return [xy[0], xy[1]];
  };
  const [hx, hy] = project(spec.home.lon, spec.home.lat);
  const points = spec.points.map((p) => {
    const [x, y] = project(p.lon, p.lat);
    return { id: p.id, x, y, color: p.color, highlight: p.highlight, label: p.label };
  });

  const markers: Marker[] = [
    { id: 'home', x: hx, y: hy, radius: HOME_RADIUS + 1 },
    ...points.map((p) => ({ id: p.id, x: p.x, y: p.y, radius: p.highlight ? HIGHLIGHT_RADIUS : POINT_RADIUS })),
  ];
  const inner: Box = { x: frame.x + 3, y: frame.y + 3, width: frame.width - 6, height: frame.height - 6 };
  const arcs = spec.points.map((p) => arcLine(spec, p, project));
  // Markers keep labels clear by distance (round, not boxed), so no obstacle boxes besides.
  const placer = new LabelPlacer(inner, [], markers, arcs);
  // Every arc starts at home, so its name goes where none runs, a little further out if need be;
  // its red, bold and larger text ties it to the red marker even with another point nearby.
  const homeGaps = [0, 2, 4, 7, 10, 14].map((extra) => HOME_RADIUS + 3 + extra);
  const homeArgs = [markers[0]!, 'name', spec.home.label, HOME_LABEL_SIZE, true] as const;
  const homeOptions = { gaps: homeGaps, slide: true, distinct: true };
  placer.placeNear(...homeArgs, { ...homeOptions, maxArcs: 0 }) ?? placer.placeNear(...homeArgs, homeOptions);

  // Crowded points last, so that isolated ones keep their names; the chosen city goes first.
  const crowding = (p: { x: number; y: number }) => points.filter((q) => Math.hypot(q.x - p.x, q.y - p.y) < 60).length;
  const order = [...points].sort(
    (a, b) => Number(b.highlight) - Number(a.highlight) || crowding(a) - crowding(b) || a.x - b.x,
  );
  const markerOf = new Map(markers.map((m) => [m.id, m]));
  const unlabelled: typeof points = [];
  for (const p of order) {
    const marker = markerOf.get(p.id)!;
    // The chosen city keeps its name even in a crowd: further out, with a line back to its point.
    const label =
      placer.placeNear(marker, 'name', p.label, LABEL_SIZE, p.highlight) ??
      (p.highlight ? placer.placeAway(marker, 'name', p.label, LABEL_SIZE, true) : null);
    if (!label) unlabelled.push(p);
  }
  // Numbers read west to east, then north to south.
  unlabelled.sort((a, b) => a.x - b.x || a.y - b.y);
  const numbered = unlabelled.map((p, i) => ({ number: i + 1, id: p.id, label: p.label }));
  // Numbers next to their points first, then the ones that need a leader line.
  const away = numbered.filter(
    (n) => !placer.placeNear(markerOf.get(n.id)!, 'number', String(n.number), NUMBER_SIZE, true),
  );
  for (const n of away) {
    const marker = markerOf.get(n.id)!;
    // Where no leader fits, a corner place next to the point still beats an unlabelled point.
    placer.placeAway(marker, 'number', String(n.number), NUMBER_SIZE, true) ??
      placer.placeNear(marker, 'number', String(n.number), NUMBER_SIZE, true, { gaps: [marker.radius + 3] });
  }

  const footer = footerLayout(spec, numbered, top + spec.mapHeight, new SvgCanvas());
  return {
    width: spec.width,
    height: footer.bottom,
    frame,
    project,
    home: { x: hx, y: hy },
    points: points.map(({ id, x, y, color, highlight }) => ({ id, x, y, color, highlight })),
    // Names as placed, then numbers in order.
    labels: [...placer.placed].sort(
      (a, b) => (a.kind === 'number' ? Number(a.text) : 0) - (b.kind === 'number' ? Number(b.text) : 0),
    ),
    numbered: numbered.map(({ number, id, label }) => ({ number, id, label })),
  };
}

// ---- the legend under the map ------------------------------------------------------------------

interface FooterLayout {
  svg: string;
  bottom: number;
}

function keySwatch(item: KeyItem, x: number, y: number): string {
  const mid = y - KEY_SIZE * 0.35;
  switch (item.kind) {
    case 'point':
      return element('circle', { cx: x + 6, cy: mid, r: 5, fill: item.color, stroke: '#ffffff', 'stroke-width': 1 });
    case 'highlight':
      return element('circle', {
        cx: x + 6,
        cy: mid,
        r: 6,
        fill: item.color,
        stroke: MAP_THEME.highlightRing,
        'stroke-width': 2,
      });
    case 'line':
    case 'dashed':
      return element('line', {
        x1: x,
        y1: mid,
        x2: x + 26,
        y2: mid,
        stroke: item.color,
        'stroke-width': 2,
        'stroke-dasharray': item.kind === 'dashed' ? '6 4' : undefined,
      });
  }
}

function swatchWidth(kind: KeyKind): number {
  return kind === 'line' || kind === 'dashed' ? 26 : 12;
}

function footerLayout(
  spec: MapSpec,
  numbered: { number: number; label: string }[],
  mapBottom: number,
  canvas: SvgCanvas,
): FooterLayout {
  const parts: string[] = [];
  const right = spec.width - MARGIN;
  let y = mapBottom + (spec.key.length || numbered.length || spec.notes.length ? 12 : 0);
  const ink: TextStyle = { size: KEY_SIZE, color: MAP_THEME.ink };

  if (spec.key.length) {
    y += KEY_SIZE + 6;
    let x = MARGIN;
    for (const item of spec.key) {
      const width = swatchWidth(item.kind) + 6 + textWidth(item.label, KEY_SIZE);
      if (x > MARGIN && x + width > right) {
        x = MARGIN;
        y += KEY_SIZE + 10;
      }
      parts.push(keySwatch(item, x, y), canvas.text(x + swatchWidth(item.kind) + 6, y, item.label, ink));
      x += width + 20;
    }
    y += 6;
  }

  if (numbered.length) {
    y += KEY_SIZE + 10;
    parts.push(canvas.text(MARGIN, y, spec.numberedHeading, { ...ink, bold: true }));
    const entries = numbered.map((n) => ({ number: String(n.number), label: n.label }));
    const numberWidth = Math.max(...entries.map((e) => textWidth(e.number, KEY_SIZE, true)));
    const columnWidth = numberWidth + 6 + Math.max(...entries.map((e) => textWidth(e.label, KEY_SIZE))) + 22;
    const columns = Math.max(1, Math.floor((spec.width - 2 * MARGIN + 22) / columnWidth));
    const rows = Math.ceil(entries.length / columns);
    entries.forEach((entry, i) => {
      const column = Math.floor(i / rows);
      const row = i % rows;
      const x = MARGIN + column * columnWidth;
      const baseline = y + (row + 1) * (KEY_SIZE + 7);
      parts.push(
        canvas.text(x + numberWidth, baseline, entry.number, { ...ink, bold: true, anchor: 'end' }),
        canvas.text(x + numberWidth + 6, baseline, entry.label, ink),
      );
    });
    y += rows * (KEY_SIZE + 7);
  }

  if (spec.notes.length) {
    y += 6;
    for (const note of spec.notes) {
      for (const line of wrapText(note, spec.width - 2 * MARGIN, NOTE_SIZE)) {
        y += NOTE_SIZE + 6;
        parts.push(canvas.text(MARGIN, y, line, { size: NOTE_SIZE, color: MAP_THEME.muted }));
      }
    }
  }
  return { svg: parts.join(''), bottom: Math.ceil(y + (y > mapBottom ? 12 : 0)) };
}

// ---- drawing -----------------------------------------------------------------------------------

/** Sea, graticule, land and borders for one projection; the world view's never changes, so it is kept. */
const baseLayers = new Map<string, string>();
const BASE_LAYERS_KEPT = 16;

type Bounds = [[number, number], [number, number]];

/** A shape with its extent under the projection at scale 1 and no translation. */
interface Piece<T> {
  shape: T;
  bounds: Bounds;
}

interface Pieces {
  /** Kept flat (world.ts): a map expands only the shapes it shows. */
  countries: Piece<FlatCountry>[];
  borders: Piece<FlatLine>[];
}

/** Shapes with their unit extents, per resolution and rotation: a zoomed map only draws what it shows. */
const unitPieces = new Map<string, Pieces>();

function piecesFor(resolution: Resolution, rotation: [number, number, number]): Pieces {
  const key = `${resolution}|${rotation.join(',')}`;
  let pieces = unitPieces.get(key);
  if (!pieces) {
    const world = loadFlatWorld(resolution);
    const unit = geoPath(geoNaturalEarth1().rotate(rotation).scale(1).translate([0, 0]));
    pieces = {
      countries: world.countries.map((shape) => ({ shape, bounds: unit.bounds(expandCountry(shape)) })),
      borders: world.borders.map((shape) => {
        const line: LineString = { type: 'LineString', coordinates: expandLine(shape) };
        return { shape, bounds: unit.bounds(line) };
      }),
    };
    unitPieces.set(key, pieces);
  }
  return pieces;
}

/** Since fitting only scales and translates, a unit extent tells at once whether a shape reaches the frame. */
function visible<T>(pieces: Piece<T>[], projection: GeoProjection, frame: Box): T[] {
  const k = projection.scale();
  const [tx, ty] = projection.translate();
  const slack = 0.01;
  return pieces
    .filter(
      ({ bounds: [[x0, y0], [x1, y1]] }) =>
        k * (x0 - slack) + tx <= frame.x + frame.width &&
        k * (x1 + slack) + tx >= frame.x &&
        k * (y0 - slack) + ty <= frame.y + frame.height &&
        k * (y1 + slack) + ty >= frame.y,
    )
    .map((piece) => piece.shape);
}

function baseLayer(spec: MapSpec, projection: GeoProjection, frame: Box): string {
  const key = [
    spec.view,
    frame.x,
    frame.y,
    frame.width,
    frame.height,
    projection.scale(),
    ...projection.translate(),
    ...projection.rotate(),
  ].join(',');
  let layer = baseLayers.get(key);
  if (layer === undefined) {
    // Zoomed in: only the shapes that reach the frame, clipped to it; finer coasts once 110m's would
    // look blocky (a view narrower than FINE_SPAN_DEGREES).
    const zoomed = spec.view === 'fit';
    const span = (frame.width * 360) / (projection.scale() * EQUATOR_LENGTH);
    let countries: FeatureCollection;
    let borders: MultiLineString;
    if (zoomed) {
      const pieces = piecesFor(span < FINE_SPAN_DEGREES ? '50m' : '110m', projection.rotate());
      countries = {
        type: 'FeatureCollection',
        features: visible(pieces.countries, projection, frame).map(expandCountry),
      };
      borders = { type: 'MultiLineString', coordinates: visible(pieces.borders, projection, frame).map(expandLine) };
    } else {
      ({ countries, borders } = loadWorld('110m'));
    }
    const clipped = zoomed
      ? copyOf(projection).clipExtent([
          [frame.x - 2, frame.y - 2],
          [frame.x + frame.width + 2, frame.y + frame.height + 2],
        ])
      : projection;
    const path = geoPath(clipped).digits(1);
    layer = [
      element('rect', {
        x: frame.x,
        y: frame.y,
        width: frame.width,
        height: frame.height,
        fill: spec.view === 'world' ? MAP_THEME.background : MAP_THEME.ocean,
      }),
      element('path', { d: path({ type: 'Sphere' }) ?? '', fill: MAP_THEME.ocean }),
      element('path', {
        d: path(geoGraticule10()) ?? '',
        fill: 'none',
        stroke: MAP_THEME.graticule,
        'stroke-width': 0.6,
      }),
      element('path', { d: path(countries) ?? '', fill: MAP_THEME.land }),
      element('path', { d: path(borders) ?? '', fill: 'none', stroke: MAP_THEME.border, 'stroke-width': 0.6 }),
    ].join('');
    if (baseLayers.size >= BASE_LAYERS_KEPT) baseLayers.delete(baseLayers.keys().next().value!);
    baseLayers.set(key, layer);
  }
  return layer;
}

function mapSvg(spec: MapSpec, layout: MapLayout): string {
  const { frame } = layout;
  const top = headerHeight(spec);
  const projection = projectionFor(spec, frame);
  const canvas = new SvgCanvas();
  const parts: string[] = [];

  if (spec.title) {
    parts.push(canvas.text(MARGIN, 32, spec.title, { size: 22, bold: true, color: MAP_THEME.ink }));
    if (spec.subtitle) parts.push(canvas.text(MARGIN, 56, spec.subtitle, { size: 14, color: MAP_THEME.muted }));
  }

  const geo: string[] = [baseLayer(spec, projection, frame)];
  // The chosen city's arc last, on top of the others.
  const arcs = drawnArcs(spec, projection).sort((a, b) => Number(a.point.highlight) - Number(b.point.highlight));
  for (const { point, d } of arcs) {
    if (point.highlight) {
      geo.push(
        element('path', {
          d,
          fill: 'none',
          stroke: MAP_THEME.highlightRing,
          'stroke-width': 5,
          'stroke-linecap': 'round',
          'stroke-dasharray': point.dashed ? '8 5' : undefined,
        }),
      );
    }
    geo.push(
      element('path', {
        d,
        fill: 'none',
        stroke: point.highlight ? MAP_THEME.highlight : point.color,
        'stroke-width': point.highlight ? 3 : 1.6,
        'stroke-opacity': point.highlight ? 1 : 0.8,
        'stroke-linecap': 'round',
        'stroke-dasharray': point.dashed ? (point.highlight ? '8 5' : '6 4') : undefined,
      }),
    );
  }
  parts.push(
    element(
      'clipPath',
      { id: 'map' },
      element('rect', { x: frame.x, y: frame.y, width: frame.width, height: frame.height }),
    ),
    element('g', { 'clip-path': 'url(#map)' }, geo.join('')),
  );

  for (const label of layout.labels) {
    if (label.leader) {
      const [x1, y1, x2, y2] = label.leader;
      // A halo under the leader too, so it stands out from the arcs it may cross.
      parts.push(
        element('line', { x1, y1, x2, y2, stroke: MAP_THEME.halo, 'stroke-width': 3, 'stroke-linecap': 'round' }),
        element('line', { x1, y1, x2, y2, stroke: MAP_THEME.ink, 'stroke-width': 1 }),
      );
    }
  }
  const byId = new Map(spec.points.map((p) => [p.id, p]));
  const markers = [...layout.points].sort((a, b) => Number(a.highlight) - Number(b.highlight));
  for (const p of markers) {
    parts.push(
      p.highlight
        ? element('circle', {
            cx: p.x,
            cy: p.y,
            r: HIGHLIGHT_RADIUS,
            fill: MAP_THEME.highlight,
            stroke: MAP_THEME.highlightRing,
            'stroke-width': 2,
          })
        : element('circle', {
            cx: p.x,
            cy: p.y,
            r: POINT_RADIUS,
            fill: p.color,
            stroke: '#ffffff',
            'stroke-width': 1.2,
          }),
    );
  }
  parts.push(
    element('circle', {
      cx: layout.home.x,
      cy: layout.home.y,
      r: HOME_RADIUS,
      fill: MAP_THEME.home,
      stroke: '#ffffff',
      'stroke-width': 2.5,
    }),
  );

  for (const label of layout.labels) {
    const highlight = label.id !== 'home' && byId.get(label.id)?.highlight === true;
    const size = label.kind === 'number' ? NUMBER_SIZE : label.id === 'home' ? HOME_LABEL_SIZE : LABEL_SIZE;
    const bold = label.kind === 'number' || label.id === 'home' || highlight;
    parts.push(
      canvas.text(label.x, label.y, label.text, {
        size,
        bold,
        color: label.id === 'home' ? MAP_THEME.home : MAP_THEME.ink,
        halo: MAP_THEME.halo,
      }),
    );
  }
  parts.push(
    element('rect', {
      x: frame.x + 0.5,
      y: frame.y + 0.5,
      width: frame.width - 1,
      height: frame.height - 1,
      fill: 'none',
      stroke: MAP_THEME.frame,
      'stroke-width': 1,
    }),
  );
  parts.push(footerLayout(spec, layout.numbered, top + spec.mapHeight, canvas).svg);

  return canvas.document(layout.width, layout.height, MAP_THEME.background, parts.join(''));
}

export function renderMap(spec: MapSpec): RenderedMap {
  const layout = layoutMap(spec);
  return { ...svgToPng(mapSvg(spec, layout)), layout };
}

/** The same projection, to be given its own clipping or precision. */
function copyOf(projection: GeoProjection): GeoProjection {
  return geoNaturalEarth1().rotate(projection.rotate()).scale(projection.scale()).translate(projection.translate());
}

function drawnArcs(spec: MapSpec, projection: GeoProjection): { point: MapPoint; d: string }[] {
  // Finer than the coasts: a long smooth curve shows every kink.
  const path = geoPath(copyOf(projection).precision(0.1)).digits(1);
  return spec.points.map((point) => ({ point, d: path(arcOf(spec, point)) ?? '' }));
}

/** The arcs' path data as drawn, one per point: one "M" each unless an arc was cut at the map's edge. */
export function arcPaths(spec: MapSpec): { id: string; d: string }[] {
  const frame = { x: 0, y: headerHeight(spec), width: spec.width, height: spec.mapHeight };
  return drawnArcs(spec, projectionFor(spec, frame)).map(({ point, d }) => ({ id: point.id, d }));
}
