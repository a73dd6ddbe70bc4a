// Small helpers for writing SVG as text, and the boxes that keep labels apart.
import { shape, textWidth } from './fonts.js';

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

type AttributeValue = string | number | undefined | false;

/** `<name a="1" b="x">children</name>`; undefined and false attributes are left out. */
export function element(name: string, attributes: Record<string, AttributeValue>, children?: string): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== false)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? round(value) : escapeXml(value)}"`)
    .join('');
  return children === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${children}</${name}>`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export interface TextStyle {
  size: number;
  bold?: boolean;
  color: string;
  /** A light outline under the glyphs so text stays legible over lines and land. */
  halo?: string;
  anchor?: 'start' | 'middle' | 'end';
}

/** Stroke width of the halo in px: about 2 px of white round every glyph. */
const HALO_WIDTH = 4;
/** Noto Sans SC is shipped in one weight: bold Chinese is drawn with a thin outline of its own colour. */
const FAUX_BOLD_EM = 0.04;

/**
 * An SVG document whose text is drawn as glyph outlines: each glyph used is defined once in <defs>
 * and placed with <use>, so the image needs no font at render time.
 */
export class SvgCanvas {
  private readonly glyphs = new Map<string, string>();

  /** One line of text whose baseline starts at (x, y), or ends there, or is centred there. */
  text(x: number, y: number, content: string, style: TextStyle): string {
    const { glyphs, width } = shape(content, style.bold);
    const size = style.size;
    const left = style.anchor === 'middle' ? x - (width * size) / 2 : style.anchor === 'end' ? x - width * size : x;
    let uses = '';
    let chinese = false;
    for (const g of glyphs) {
      const d = g.font.outline(g.glyph);
      if (!d) continue; // spaces
      const id = `${g.font.name[0]}${g.glyph}`;
      this.glyphs.set(id, d);
      chinese ||= g.font.name === 'chinese';
      uses += `<use href="#${id}" x="${round(g.x * 1000) / 1000}"/>`;
    }
    if (!uses) return '';
    const transform = `translate(${round(left)} ${round(y)}) scale(${size})`;
    const halo = style.halo
      ? element(
          'g',
          {
            transform,
            fill: style.halo,
            stroke: style.halo,
            'stroke-width': round((HALO_WIDTH / size) * 1000) / 1000,
            'stroke-linejoin': 'round',
          },
          uses,
        )
      : '';
    const fauxBold = style.bold && chinese;
    return (
      halo +
      element(
        'g',
        {
          transform,
          fill: style.color,
          stroke: fauxBold ? style.color : undefined,
          'stroke-width': fauxBold ? FAUX_BOLD_EM : undefined,
        },
        uses,
      )
    );
  }

  /** The whole document: a background, the body, and the glyphs it uses. */
  document(width: number, height: number, background: string, body: string): string {
    const defs = [...this.glyphs].map(([id, d]) => `<path id="${id}" d="${d}"/>`).join('');
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
      `<defs>${defs}</defs>${element('rect', { width, height, fill: background })}${body}</svg>`
    );
  }
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function inside(box: Box, frame: Box): boolean {
  return (
    box.x >= frame.x &&
    box.y >= frame.y &&
    box.x + box.width <= frame.x + frame.width &&
    box.y + box.height <= frame.y + frame.height
  );
}

/** The box a line of text takes, halo included, when its baseline starts at (x, y). */
export function textBox(x: number, y: number, content: string, size: number, bold = false): Box {
  const width = textWidth(content, size, bold);
  // Noto's ascender and descender reach about 1.07 em above and 0.29 em below the baseline.
  return { x: x - 2, y: y - size * 1.07 - 2, width: width + 4, height: size * 1.36 + 4 };
}

/** Splits text into lines no wider than `width`: at spaces, or anywhere between Chinese characters. */
export function wrapText(content: string, width: number, size: number, bold = false): string[] {
  const tokens =
    content.match(
      /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef][，。、；：）》」]*|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+\s*|\s+/g,
    ) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line && textWidth((line + token).trimEnd(), size, bold) > width) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else {
      line += token;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
