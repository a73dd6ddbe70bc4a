// SVG → PNG with resvg (a Rust renderer whose binary ships inside its npm package). Text arrives as
// glyph outlines (see fonts.ts), so resvg loads no fonts at all, least of all the system's.
// The native module is loaded by the first image, not at start: a bot that draws nothing never maps it.
import { createRequire } from 'node:module';
import type { Resvg as ResvgClass } from '@resvg/resvg-js';

export interface Image {
  png: Uint8Array;
  width: number;
  height: number;
}

const require = createRequire(import.meta.url);
let Resvg: typeof ResvgClass | undefined;

export function svgToPng(svg: string): Image {
  Resvg ??= (require('@resvg/resvg-js') as { Resvg: typeof ResvgClass }).Resvg;
  const rendered = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' }, logLevel: 'off' }).render();
  const png = rendered.asPng();
  return { png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), width: rendered.width, height: rendered.height };
}
