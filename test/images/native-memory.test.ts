// resvg's native memory (parsed SVG, pixels) hides behind small JS wrappers the garbage collector
// does not hurry to collect; png.ts asks for one full collection shortly after drawing. Memory
// figures are in `npm run bench`; this checks the collection happens, once for a burst of images.
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { svgToPng } from '../../src/render/image/png.js';

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#36c"/></svg>';

describe('svgToPng', () => {
  it('is followed by one full garbage collection per burst of drawing', async () => {
    const majors: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if ((entry as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)
          majors.push(entry.startTime);
      }
    });
    observer.observe({ entryTypes: ['gc'] });
    try {
      await sleep(50);
      majors.length = 0;
      for (let i = 0; i < 5; i++) expect(svgToPng(SVG).width).toBe(400);
      await expect.poll(() => majors.length, { timeout: 3000 }).toBeGreaterThanOrEqual(1);
      await sleep(400);
      expect(majors.length).toBeLessThanOrEqual(2);
    } finally {
      observer.disconnect();
    }
  });
});
