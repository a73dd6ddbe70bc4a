// Greedy label placement: each label takes the first of its candidate places that is inside the
// frame and clear of every point and every label placed before it, so no two labels ever overlap.
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
  /** For a number set away from its point: the line back to it. */
  leader?: [number, number, number, number];
}

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

/** Places further out on a widening spiral, for what must be placed though crowded out next to its point. */
export function spiralBoxes(x: number, y: number, width: number, height: number): Box[] {
  const boxes: Box[] = [];
  for (let radius = 14; radius <= 140; radius += 7) {
    for (let step = 0; step < 16; step++) {
      const angle = (step / 16) * 2 * Math.PI;
      const cx = x + radius * Math.cos(angle);
      const cy = y + radius * Math.sin(angle);
      boxes.push({ x: cx - width / 2, y: cy - height / 2, width, height });
    }
  }
  return boxes;
}

export class LabelPlacer {
  readonly placed: PlacedLabel[] = [];
  constructor(
    private readonly frame: Box,
    private readonly obstacles: Box[],
  ) {}

  private free(box: Box): boolean {
    return (
      inside(box, this.frame) &&
      !this.obstacles.some((o) => overlaps(box, o)) &&
      !this.placed.some((label) => overlaps(box, label.box))
    );
  }

  /**
   * Takes the first free box of `candidates` (each the size of the text's box) for the text, or
   * returns null. A box set away from `from`, the point it names, gets a leader line back to it.
   */
  place(id: string, kind: PlacedLabel['kind'], content: string, size: number, bold: boolean, candidates: Box[], from?: [number, number]): PlacedLabel | null {
    for (const candidate of candidates) {
      if (!this.free(candidate)) continue;
      const shape = textBox(0, 0, content, size, bold);
      // Text starts where the box does, less the box's own margins.
      const x = candidate.x - shape.x;
      const y = candidate.y - shape.y;
      const label: PlacedLabel = { id, kind, text: content, box: candidate, x, y };
      if (from) {
        const [px, py] = from;
        const cx = candidate.x + candidate.width / 2;
        const cy = candidate.y + candidate.height / 2;
        const far = Math.hypot(cx - px, cy - py);
        if (far > 16) label.leader = [px, py, cx - ((cx - px) * (candidate.width / 2 + 1)) / far, cy - ((cy - py) * (candidate.height / 2 + 1)) / far];
      }
      this.placed.push(label);
      return label;
    }
    return null;
  }
}

export function pointBox(x: number, y: number, radius: number): Box {
  return { x: x - radius - 1, y: y - radius - 1, width: 2 * radius + 2, height: 2 * radius + 2 };
}

