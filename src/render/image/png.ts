// SVG → PNG with resvg (a Rust renderer whose binary ships inside its npm package). Text arrives as
// glyph outlines (see fonts.ts), so resvg loads no fonts at all, least of all the system's.
// The native module is loaded by the first image, not at start: a bot that draws nothing never maps it.
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Resvg as ResvgClass } from '@resvg/resvg-js';

export interface Image {
  png: Uint8Array;
  width: number;
  height: number;
}

const require = createRequire(import.meta.url);
let Resvg: typeof ResvgClass | undefined;

/** After drawing, a full collection no sooner than this. */
const COLLECT_AFTER_MS = 250;
let collection: NodeJS.Timeout | undefined;
let collectGarbage: (() => void) | undefined;

/**
 * Each render leaves megabytes of native memory (the parsed SVG, the pixels) behind two small JS
 * wrappers. V8 cannot see that memory, so it collects the wrappers late, and meanwhile the process
 * grows by ~1.6 MB per image (resvg-js issue #216; the fix, telling V8 the size, is in no stable
 * release yet). One full collection shortly after drawing, however many images a burst drew,
 * releases it: measured, 60 renders in a row stay at +23 MB instead of +140 MB.
 */
function releaseNativeMemorySoon(): void {
  if (collection) return;
  collectGarbage ??= (globalThis as { gc?: typeof collectGarbage }).gc ?? exposeGc();
  collection = setTimeout(() => {
    collection = undefined;
    collectGarbage?.(); // without options: a full, synchronous collection
  }, COLLECT_AFTER_MS);
  collection.unref();
}

function exposeGc(): typeof collectGarbage {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as typeof collectGarbage;
}

/**
 * resvg-js allocates with its own mimalloc, which returns freed pages to the system only on a later
 * allocation, 10 ms on at the earliest: after a burst of renders the last one's pixels and trees
 * (~20 MB) stayed resident until the next image. With no delay they go back as they are freed.
 * mimalloc reads its options from the environment when the module loads, hence before require();
 * an operator's own setting wins.
 */
function loadResvg(): typeof ResvgClass {
  process.env.MIMALLOC_PURGE_DELAY ??= '0';
  return (require('@resvg/resvg-js') as { Resvg: typeof ResvgClass }).Resvg;
}

export function svgToPng(svg: string): Image {
  Resvg ??= loadResvg();
  const rendered = new Resvg(svg, {
    font: { loadSystemFonts: false },
    fitTo: { mode: 'original' },
    logLevel: 'off',
  }).render();
  const png = rendered.asPng();
  releaseNativeMemorySoon();
  return {
    png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength),
    width: rendered.width,
    height: rendered.height,
  };
}
