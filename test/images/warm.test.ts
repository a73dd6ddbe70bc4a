// The warm-up a front end runs once connected: afterwards the first /city, /map and /timeline of a
// fresh process are served from the cache; a shutdown stops it between two images.
import { describe, expect, it } from 'vitest';
import { cityMapImage, warmImageCache } from '../../src/app/images.js';
import { loadDataset } from '../../src/data/load.js';
import { imageCache } from '../../src/render/image/cache.js';

describe('warmImageCache', () => {
  it('draws every city map, the plain /map and the /timeline chart in both languages, once', async () => {
    const data = loadDataset();
    const drawable = data.cities.filter((c) => c.coordinates).length;
    expect(await warmImageCache(data)).toBe(2 * (drawable + 2));
    expect(await warmImageCache(data)).toBe(0);
    const sizeBefore = imageCache(data).size;
    const duisburg = data.cities.find((c) => c.id === 'duisburg')!;
    expect(cityMapImage(data, duisburg, 'zh-CN')?.name).toBe('map-duisburg.png');
    expect(imageCache(data).size).toBe(sizeBefore); // served from the cache, nothing drawn
  }, 60_000);

  it('stops when its signal aborts', async () => {
    const data = loadDataset();
    const stop = new AbortController();
    stop.abort();
    expect(await warmImageCache(data, stop.signal)).toBe(0);
    expect(imageCache(data).size).toBe(0);
  });
});
