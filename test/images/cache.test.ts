// The image cache: a repeat is the same object, and it stays within its count and byte bounds.
import { describe, expect, it } from 'vitest';
import { ImageCache, imageCache, type CachedImage } from '../../src/render/image/cache.js';

const image = (bytes: number): CachedImage => ({ png: new Uint8Array(bytes), width: 1, height: 1, numbered: [] });

describe('ImageCache', () => {
  it('renders once per key', () => {
    const cache = new ImageCache(4, 1000);
    let renders = 0;
    const first = cache.get('a', () => {
      renders++;
      return image(10);
    });
    expect(
      cache.get('a', () => {
        renders++;
        return image(10);
      }),
    ).toBe(first);
    expect(renders).toBe(1);
  });

  it('drops the least recently used image beyond its count', () => {
    const cache = new ImageCache(2, 1000);
    cache.get('a', () => image(1));
    cache.get('b', () => image(1));
    cache.get('a', () => image(1)); // a is now the most recent
    cache.get('c', () => image(1));
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
  });

  it('stays within its bytes, keeping at least the newest image', () => {
    const cache = new ImageCache(10, 100);
    cache.get('a', () => image(60));
    cache.get('b', () => image(60));
    expect([cache.has('a'), cache.has('b'), cache.totalBytes]).toEqual([false, true, 60]);
    cache.get('huge', () => image(500));
    expect([cache.size, cache.has('huge')]).toEqual([1, true]);
  });

  it('is one per dataset', () => {
    const one = {};
    expect(imageCache(one)).toBe(imageCache(one));
    expect(imageCache({})).not.toBe(imageCache(one));
  });
});
