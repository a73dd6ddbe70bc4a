// Label placement. A label must be read as belonging to its own point: it goes right next to it, in
// one of eight places around it, and only where no other point is about as near. What finds no such
// place is set further out with a leader line back to its point. No two labels ever overlap, and of
// the places allowed, the one crossing the fewest lines (a map's arcs) wins.
import { inside, overlaps, textBox, type Box } from './svg.js';

export interface PlacedLabel {
  /** The point's id, or "home". */
  id: string;
  kind: 'name' | 'number';
  text: string;
  box: Box;
  /** Baseline start of the text. */
  x: number;
  y: number;
  /** For a label set away from its point: the line from the point's edge to the label's box. */
  leader?: [number, number, number, number];
}

/** A drawn point that labels name: its centre and radius (a label keeps clear of it). */
export interface Marker {
  id: string;
  x: number;
  y: number;
  radius: number;
}

/** A line drawn on the picture (an arc), as projected points. */
export type Polyline = [number, number][];

/** Eight places around a point, right first (where a reader looks), then left, then the diagonals. */
export function candidateBoxes(x: number, y: number, gap: number, width: number, height: number): Box[] {
  const d = gap * 0.75;
  return [
    { x: x + gap, y: y - height / 2 },
    { x: x - gap - width, y: y - height / 2 },
    { x: x + d, y: y - d - height },
    { x: x + d, y: y + d },
    { x: x - d - width, y: y - d - height },
    { x: x - d - width, y: y + d },
    { x: x - width / 2, y: y - gap - height },
    { x: x - width / 2, y: y + gap },
  ].map((p) => ({ ...p, width, height }));
}

/**
 * The box a label's text takes, as `textBox` gives it, but a number's only as tall as its digits: a
 * figure has no descender or accent, and room kept for them would set it visibly away from its point.
 */
export function labelShape(kind: PlacedLabel['kind'], content: string, size: number, bold: boolean): Box {
  const box = textBox(0, 0, content, size, bold);
  return kind === 'number' ? { ...box, y: -DIGIT_HEIGHT_EM * size - 2, height: DIGIT_HEIGHT_EM * size + 4 } : box;
}

/** Noto Sans's figures stand about 0.714 em tall. */
const DIGIT_HEIGHT_EM = 0.72;
/** A leader shorter than this (px) would not be seen as a line. */
const MIN_LEADER = 6;
/** Weight of a distance along the line of text against one across it, in `reach`. */
const ALONG_TEXT = 0.6;
/** How much nearer its own point a label must be than any other point, in px, to be read as its. */
const OWN_POINT_MARGIN = 4;
/** A label set away keeps this far (px) from every other point, so it is not taken for that one's. */
const AWAY_CLEARANCE = 8;
/** One arc under a label outweighs this many steps down the order of preferred places. */
const ARC_COST = 8;

export function pointBox(x: number, y: number, radius: number): Box {
  return { x: x - radius - 1, y: y - radius - 1, width: 2 * radius + 2, height: 2 * radius + 2 };
}

/** Distance from (x, y) to the nearest point of the box; 0 inside it. */
export function distanceToBox(x: number, y: number, box: Box): number {
  const dx = Math.max(box.x - x, 0, x - (box.x + box.width));
  const dy = Math.max(box.y - y, 0, y - (box.y + box.height));
  return Math.hypot(dx, dy);
}

/**
 * How far a marker is from a label, for telling whose label it is: edge to edge, but with distances
 * along the line of text counted less, since a point in line with the text, just before or after
 * it, reads as the one it names.
 */
function reach(marker: Marker, box: Box): number {
  const dx = Math.max(box.x - marker.x, 0, marker.x - (box.x + box.width));
  const dy = Math.max(box.y - marker.y, 0, marker.y - (box.y + box.height));
  return Math.hypot(dx * ALONG_TEXT, dy) - marker.radius;
}

/** Whether the segment (x1, y1)–(x2, y2) passes through the box (Liang–Barsky clipping). */
export function segmentCrossesBox(x1: number, y1: number, x2: number, y2: number, box: Box): boolean {
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, x1 - box.x],
    [dx, box.x + box.width - x1],
    [-dy, y1 - box.y],
    [dy, box.y + box.height - y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

function segmentsCross(a: [number, number, number, number], b: [number, number, number, number]): boolean {
  const side = (x1: number, y1: number, x2: number, y2: number, px: number, py: number) =>
    Math.sign((x2 - x1) * (py - y1) - (y2 - y1) * (px - x1));
  return (
    side(a[0], a[1], a[2], a[3], b[0], b[1]) * side(a[0], a[1], a[2], a[3], b[2], b[3]) < 0 &&
    side(b[0], b[1], b[2], b[3], a[0], a[1]) * side(b[0], b[1], b[2], b[3], a[2], a[3]) < 0
  );
}

/** Distance from (px, py) to the segment. */
function distanceToSegment(px: number, py: number, [x1, y1, x2, y2]: [number, number, number, number]): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

interface Line {
  points: Polyline;
  bounds: Box;
}

export interface NearOptions {
  /** Distances from the point's centre to try, nearest first; the default is just `radius + 3`. */
  gaps?: number[];
  /** Refuse places crossing more arcs than this. */
  maxArcs?: number;
  /** The label is told from others by its look (home's, in its marker's colour): no other point need be further. */
  distinct?: boolean;
  /** Also try text level with the point's top or bottom, to the right and left: a gap between lines. */
  slide?: boolean;
}

export class LabelPlacer {
  readonly placed: PlacedLabel[] = [];
  private readonly lines: Line[];

  constructor(
    private readonly frame: Box,
    private readonly obstacles: Box[],
    private readonly markers: Marker[] = [],
    lines: Polyline[] = [],
  ) {
    this.lines = lines.map((points) => {
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      const x = Math.min(...xs);
      const y = Math.min(...ys);
      return { points, bounds: { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y } };
    });
  }

  private free(box: Box): boolean {
    return (
      inside(box, this.frame) &&
      !this.obstacles.some((o) => overlaps(box, o)) &&
      !this.placed.some(
        (label) => overlaps(box, label.box) || (label.leader !== undefined && segmentCrossesBox(...label.leader, box)),
      )
    );
  }

  /** How many lines pass through the box. */
  arcsUnder(box: Box): number {
    let count = 0;
    for (const { points, bounds } of this.lines) {
      if (!overlaps(box, { x: bounds.x - 0.5, y: bounds.y - 0.5, width: bounds.width + 1, height: bounds.height + 1 }))
        continue;
      for (let i = 1; i < points.length; i++) {
        if (segmentCrossesBox(points[i - 1]![0], points[i - 1]![1], points[i]![0], points[i]![1], box)) {
          count++;
          break;
        }
      }
    }
    return count;
  }

  /** The gap between the box and the nearest marker other than `own`'s, edge to edge (`reach`). */
  private nearestOther(box: Box, own: string): number {
    let nearest = Infinity;
    for (const m of this.markers) {
      if (m.id !== own) nearest = Math.min(nearest, reach(m, box));
    }
    return nearest;
  }

  private label(
    id: string,
    kind: PlacedLabel['kind'],
    content: string,
    size: number,
    bold: boolean,
    box: Box,
  ): PlacedLabel {
    const shape = labelShape(kind, content, size, bold);
    // Text starts where the box does, less the box's own margins.
    const label: PlacedLabel = { id, kind, text: content, box, x: box.x - shape.x, y: box.y - shape.y };
    this.placed.push(label);
    return label;
  }

  /** Takes the first free box of `candidates` (each the size of the text's box) for the text, or returns null. */
  place(
    id: string,
    kind: PlacedLabel['kind'],
    content: string,
    size: number,
    bold: boolean,
    candidates: Box[],
  ): PlacedLabel | null {
    const box = candidates.find((candidate) => this.free(candidate));
    return box ? this.label(id, kind, content, size, bold, box) : null;
  }

  /**
   * Places the text right next to the marker, where no other marker is nearly as near, crossing as
   * few arcs as it can; null when no such place is free.
   */
  placeNear(
    marker: Marker,
    kind: PlacedLabel['kind'],
    content: string,
    size: number,
    bold: boolean,
    options: NearOptions = {},
  ): PlacedLabel | null {
    const shape = labelShape(kind, content, size, bold);
    const gaps = options.gaps ?? [marker.radius + 3];
    let best: Box | null = null;
    let bestCost = Infinity;
    let index = 0;
    for (const gap of gaps) {
      const boxes = candidateBoxes(marker.x, marker.y, gap, shape.width, shape.height);
      if (options.slide) {
        const { width, height } = shape;
        for (const x of [marker.x + gap, marker.x - gap - width])
          boxes.push({ x, y: marker.y, width, height }, { x, y: marker.y - height, width, height });
      }
      for (const box of boxes) {
        index++;
        if (index >= bestCost || !this.free(box)) continue;
        if (!options.distinct && this.nearestOther(box, marker.id) < reach(marker, box) + OWN_POINT_MARGIN) continue;
        const arcs = this.arcsUnder(box);
        if (options.maxArcs !== undefined && arcs > options.maxArcs) continue;
        const cost = index + arcs * ARC_COST;
        if (cost < bestCost) [best, bestCost] = [box, cost];
      }
    }
    return best ? this.label(marker.id, kind, content, size, bold, best) : null;
  }

  /**
   * Places the text further out, on widening rings around the marker, with a leader line back to
   * it that crosses no label and passes no other marker; null when nothing within reach is free.
   */
  placeAway(
    marker: Marker,
    kind: PlacedLabel['kind'],
    content: string,
    size: number,
    bold: boolean,
  ): PlacedLabel | null {
    const { width, height } = labelShape(kind, content, size, bold);
    const steps = 24;
    let best: { box: Box; leader: [number, number, number, number] } | null = null;
    let bestCost = Infinity;
    for (let radius = marker.radius + 12; radius <= 160 && radius < bestCost; radius += 6) {
      for (let step = 0; step < steps; step++) {
        const angle = (step / steps) * 2 * Math.PI;
        const box = {
          x: marker.x + radius * Math.cos(angle) - width / 2,
          y: marker.y + radius * Math.sin(angle) - height / 2,
          width,
          height,
        };
        if (!this.free(box) || this.nearestOther(box, marker.id) < AWAY_CLEARANCE) continue;
        const leader = this.leaderTo(marker, box);
        if (!leader) continue;
        const cost = radius + this.arcsUnder(box) * 2 * ARC_COST;
        if (cost < bestCost) [best, bestCost] = [{ box, leader }, cost];
      }
    }
    if (!best) return null;
    const label = this.label(marker.id, kind, content, size, bold, best.box);
    label.leader = best.leader;
    return label;
  }

  /** The leader from the marker's edge to the box's nearest point, if it keeps clear of other labels and markers. */
  private leaderTo(marker: Marker, box: Box): [number, number, number, number] | null {
    const ex = Math.max(box.x, Math.min(marker.x, box.x + box.width));
    const ey = Math.max(box.y, Math.min(marker.y, box.y + box.height));
    const length = Math.hypot(ex - marker.x, ey - marker.y);
    if (length - marker.radius - 1 < MIN_LEADER) return null;
    const start = (marker.radius + 1) / length;
    const leader: [number, number, number, number] = [
      marker.x + (ex - marker.x) * start,
      marker.y + (ey - marker.y) * start,
      ex,
      ey,
    ];
    for (const label of this.placed) {
      if (segmentCrossesBox(...leader, label.box)) return null;
      if (label.leader && segmentsCross(leader, label.leader)) return null;
    }
    for (const m of this.markers) {
      // A marker overlapping this one is passed by any leader; it cannot be helped.
      const touching = Math.hypot(m.x - marker.x, m.y - marker.y) < m.radius + marker.radius + 2;
      if (m.id !== marker.id && !touching && distanceToSegment(m.x, m.y, leader) < m.radius + 2) return null;
    }
    return leader;
  }
}
