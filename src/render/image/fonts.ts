// The fonts every image is drawn with, and text turned into glyph outlines.
//
// The fonts are Noto Sans (Latin, Greek, Cyrillic) and Noto Sans SC (Chinese), cut down by
// `npm run fonts` (scripts/fonts.ts) to the characters the bot can draw and kept in assets/fonts/:
// about 0.5 MB instead of 11 MB in memory. They are read by file path, never from the system, so an
// image comes out the same on every machine. Text is drawn as the fonts' own outlines (SVG paths) rather than handed to resvg as
// <text>: resvg re-reads a font file for every text element it shapes, which for the 10 MB Chinese
// font costs about 4 ms a label. The same advance widths place the glyphs and measure the labels,
// so a label's box is exactly what is drawn. Kerning is not applied.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** assets/fonts/ from src/render/image/ and from dist/render/image/ alike. */
const fontFile = (name: string) => fileURLToPath(new URL(`../../../assets/fonts/${name}`, import.meta.url));

export const FONT_FILES = {
  regular: fontFile('NotoSans-Regular.subset.ttf'),
  bold: fontFile('NotoSans-Bold.subset.ttf'),
  /** Read on first use, by an image with Chinese text. */
  chinese: fontFile('NotoSansSC-Regular.subset.ttf'),
} as const;

export type FontName = keyof typeof FONT_FILES;

/** A TrueType font (glyf outlines): what measuring and drawing a line of text needs. */
export class Font {
  private readonly view: DataView;
  private readonly unitsPerEm: number;
  private readonly metricsCount: number;
  private readonly hmtx: number;
  private readonly loca: number;
  private readonly longLoca: boolean;
  private readonly glyf: number;
  private readonly glyphOf: (codePoint: number) => number;
  private readonly outlines = new Map<number, string>();

  constructor(
    readonly name: FontName,
    file: Uint8Array,
  ) {
    this.view = new DataView(file.buffer, file.byteOffset, file.byteLength);
    const tables = new Map<string, number>();
    for (let i = 0; i < this.view.getUint16(4); i++) {
      const record = 12 + i * 16;
      tables.set(String.fromCharCode(...file.subarray(record, record + 4)), this.view.getUint32(record + 8));
    }
    const table = (tag: string): number => {
      const offset = tables.get(tag);
      if (offset === undefined) throw new Error(`${name} font has no ${tag} table`);
      return offset;
    };
    const head = table('head');
    this.unitsPerEm = this.view.getUint16(head + 18);
    this.longLoca = this.view.getInt16(head + 50) === 1;
    this.metricsCount = this.view.getUint16(table('hhea') + 34);
    this.hmtx = table('hmtx');
    this.loca = table('loca');
    this.glyf = table('glyf');
    this.glyphOf = cmapLookup(this.view, table('cmap'));
  }

  /** The glyph for a code point; 0 (.notdef, the "missing" box) when the font has none. */
  glyph(codePoint: number): number {
    return this.glyphOf(codePoint);
  }

  /** Advance width in em. */
  advance(glyph: number): number {
    return this.view.getUint16(this.hmtx + 4 * Math.min(glyph, this.metricsCount - 1)) / this.unitsPerEm;
  }

  /** The glyph's outline as SVG path data in em, y pointing down, origin on the baseline. */
  outline(glyph: number): string {
    let d = this.outlines.get(glyph);
    if (d === undefined) {
      d = this.contours(glyph, [1, 0, 0, 1, 0, 0], 0)
        .map((contour) => contourPath(contour, 1 / this.unitsPerEm))
        .join('');
      this.outlines.set(glyph, d);
    }
    return d;
  }

  private glyphRange(glyph: number): [number, number] {
    const { view, loca } = this;
    return this.longLoca
      ? [view.getUint32(loca + glyph * 4), view.getUint32(loca + glyph * 4 + 4)]
      : [view.getUint16(loca + glyph * 2) * 2, view.getUint16(loca + glyph * 2 + 2) * 2];
  }

  /** Contours as points, each transformed by the affine `m` ([a, b, c, d, e, f]). */
  private contours(glyph: number, m: number[], depth: number): Point[][] {
    const [start, end] = this.glyphRange(glyph);
    if (end <= start || depth > 8) return [];
    const view = this.view;
    const at = this.glyf + start;
    const contourCount = view.getInt16(at);
    if (contourCount < 0) return this.composite(at + 10, m, depth);

    const ends: number[] = [];
    for (let i = 0; i < contourCount; i++) ends.push(view.getUint16(at + 10 + i * 2));
    const pointCount = contourCount ? ends[contourCount - 1]! + 1 : 0;
    let p = at + 10 + contourCount * 2;
    p += 2 + view.getUint16(p); // instructions
    const flags: number[] = [];
    while (flags.length < pointCount) {
      const flag = view.getUint8(p++);
      flags.push(flag);
      if (flag & 8) {
        for (let repeat = view.getUint8(p++); repeat > 0; repeat--) flags.push(flag);
      }
    }
    const coordinates = (short: number, same: number): number[] => {
      const values: number[] = [];
      let value = 0;
      for (const flag of flags) {
        if (flag & short) value += flag & same ? view.getUint8(p++) : -view.getUint8(p++);
        else if (!(flag & same)) {
          value += view.getInt16(p);
          p += 2;
        }
        values.push(value);
      }
      return values;
    };
    const xs = coordinates(2, 16);
    const ys = coordinates(4, 32);
    const contours: Point[][] = [];
    let first = 0;
    for (const last of ends) {
      const contour: Point[] = [];
      for (let i = first; i <= last; i++) {
        const x = xs[i]!;
        const y = ys[i]!;
        contour.push({ x: m[0]! * x + m[2]! * y + m[4]!, y: m[1]! * x + m[3]! * y + m[5]!, on: (flags[i]! & 1) === 1 });
      }
      contours.push(contour);
      first = last + 1;
    }
    return contours;
  }

  private composite(at: number, m: number[], depth: number): Point[][] {
    const view = this.view;
    const contours: Point[][] = [];
    let p = at;
    for (;;) {
      const flags = view.getUint16(p);
      const component = view.getUint16(p + 2);
      p += 4;
      let dx: number;
      let dy: number;
      if (flags & 1) {
        dx = view.getInt16(p);
        dy = view.getInt16(p + 2);
        p += 4;
      } else {
        dx = view.getInt8(p);
        dy = view.getInt8(p + 1);
        p += 2;
      }
      const f2dot14 = (offset: number) => view.getInt16(offset) / 16384;
      let [a, b, c, d] = [1, 0, 0, 1];
      if (flags & 8) {
        a = d = f2dot14(p);
        p += 2;
      } else if (flags & 0x40) {
        a = f2dot14(p);
        d = f2dot14(p + 2);
        p += 4;
      } else if (flags & 0x80) {
        [a, b, c, d] = [f2dot14(p), f2dot14(p + 2), f2dot14(p + 4), f2dot14(p + 6)];
        p += 8;
      }
      // Point-matching components (flag 2 clear) do not occur in these fonts; offsets are x/y.
      const local = [a, b, c, d, dx, dy];
      const combined = [
        m[0]! * local[0]! + m[2]! * local[1]!,
        m[1]! * local[0]! + m[3]! * local[1]!,
        m[0]! * local[2]! + m[2]! * local[3]!,
        m[1]! * local[2]! + m[3]! * local[3]!,
        m[0]! * local[4]! + m[2]! * local[5]! + m[4]!,
        m[1]! * local[4]! + m[3]! * local[5]! + m[5]!,
      ];
      contours.push(...this.contours(component, combined, depth + 1));
      if (!(flags & 0x20)) return contours;
    }
  }
}

interface Point {
  x: number;
  y: number;
  on: boolean;
}

const fixed = (n: number): string => String(Math.round(n * 1000) / 1000);

/** TrueType quadratic contour → path data, scaled by `k`, y flipped; two off-curve points imply an on-curve one between. */
function contourPath(points: Point[], k: number): string {
  if (points.length === 0) return '';
  const xy = (x: number, y: number) => `${fixed(x * k)} ${fixed(-y * k)}`;
  const startIndex = points.findIndex((pt) => pt.on);
  let start: { x: number; y: number };
  let ordered: Point[];
  if (startIndex >= 0) {
    start = points[startIndex]!;
    ordered = [...points.slice(startIndex + 1), ...points.slice(0, startIndex)];
  } else {
    const [a, b] = [points[0]!, points[1] ?? points[0]!];
    start = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    ordered = [...points.slice(1), points[0]!];
  }
  let d = `M${xy(start.x, start.y)}`;
  let control: Point | null = null;
  for (const point of ordered) {
    if (point.on) {
      d += control ? `Q${xy(control.x, control.y)} ${xy(point.x, point.y)}` : `L${xy(point.x, point.y)}`;
      control = null;
    } else {
      if (control) d += `Q${xy(control.x, control.y)} ${xy((control.x + point.x) / 2, (control.y + point.y) / 2)}`;
      control = point;
    }
  }
  if (control) d += `Q${xy(control.x, control.y)} ${xy(start.x, start.y)}`;
  return `${d}Z`;
}

function cmapLookup(view: DataView, cmap: number): (codePoint: number) => number {
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const record = cmap + 4 + i * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const sub = cmap + view.getUint32(record + 4);
    const format = view.getUint16(sub);
    if (format === 12 && (platform === 3 || platform === 0)) format12 = sub;
    if (format === 4 && ((platform === 3 && encoding === 1) || platform === 0)) format4 = sub;
  }
  if (format12 >= 0) {
    const groups = view.getUint32(format12 + 12);
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const group = format12 + 16 + mid * 12;
        if (cp < view.getUint32(group)) hi = mid - 1;
        else if (cp > view.getUint32(group + 4)) lo = mid + 1;
        else return view.getUint32(group + 8) + (cp - view.getUint32(group));
      }
      return 0;
    };
  }
  if (format4 < 0) throw new Error('font has no usable cmap');
  const segments = view.getUint16(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (cp > view.getUint16(ends + i * 2)) continue;
      const start = view.getUint16(starts + i * 2);
      if (cp < start) return 0;
      const delta = view.getInt16(deltas + i * 2);
      const range = view.getUint16(ranges + i * 2);
      if (range === 0) return (cp + delta) & 0xffff;
      const glyph = view.getUint16(ranges + i * 2 + range + 2 * (cp - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

const loaded = new Map<FontName, Font>();

/** The font, read on first use. */
export function font(name: FontName): Font {
  let f = loaded.get(name);
  if (!f) {
    f = new Font(name, readFileSync(FONT_FILES[name]));
    loaded.set(name, f);
  }
  return f;
}

export interface PlacedGlyph {
  font: Font;
  glyph: number;
  /** Pen position before the glyph, in em. */
  x: number;
}

/**
 * The glyphs that draw `text`: each character from the Latin font when it has one, else from the
 * Chinese font, else the Latin font's missing-glyph box. Returns them with the line's width in em.
 */
export function shape(text: string, bold = false): { glyphs: PlacedGlyph[]; width: number } {
  const latin = font(bold ? 'bold' : 'regular');
  const glyphs: PlacedGlyph[] = [];
  let pen = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let chosen = latin;
    let glyph = latin.glyph(cp);
    if (glyph === 0 && cp > 0x7f) {
      const chinese = font('chinese');
      const other = chinese.glyph(cp);
      if (other !== 0) [chosen, glyph] = [chinese, other];
    }
    glyphs.push({ font: chosen, glyph, x: pen });
    pen += chosen.advance(glyph);
  }
  return { glyphs, width: pen };
}

/** Width in pixels of `text` at `size`: exactly the advance the drawn glyphs take. */
export function textWidth(text: string, size: number, bold = false): number {
  return shape(text, bold).width * size;
}
