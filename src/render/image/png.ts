// SVG → PNG with resvg (a Rust renderer whose binary ships inside its npm package). Text arrives as
// glyph outlines (see fonts.ts), so resvg loads no fonts at all, least of all the system's.
import { Resvg } from '@resvg/resvg-js';

export interface Image {
  png: Uint8Array;
  width: number;
  height: number;
}

export function svgToPng(svg: string): Image {
  const rendered = new Resvg(svg, {
    font: { loadSystemFonts: false },
    fitTo: { mode: 'original' },
    logLevel: 'off',
  }).render();
  const png = rendered.asPng();
  return {
    png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength),
    width: rendered.width,
    height: rendered.height,
  };
}
