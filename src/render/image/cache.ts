// Rendered images, kept per parameter set so that asking twice costs a lookup. Bounded both in count
// and in bytes; the least recently used image goes first. One cache per dataset, so that an App built
// over other data (a test fixture) never gets another dataset's pictures.
import type { Image } from './png.js';

export interface CachedImage extends Image {
  /** Labels a map draws as numbers, in number order (the card lists them); empty for other images. */
  numbered: { number: number; id: string; label: string }[];
}

export class ImageCache<T extends Image = CachedImage> {
  private readonly entries = new Map<string, T>();
  private bytes = 0;
  /** Lookups served from the cache and images drawn, since start (the /metrics counters). */
  hits = 0;
  misses = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The image for `key`, rendered by `render` only when it is not already kept. */
  get(key: string, render: () => T): T {
    const hit = this.entries.get(key);
    if (hit) {
      this.hits++;
      // Most recently used goes last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    this.misses++;
    const image = render();
    this.entries.set(key, image);
    this.bytes += image.png.byteLength;
    while (this.entries.size > this.maxEntries || (this.bytes > this.maxBytes && this.entries.size > 1)) {
      const [oldest, evicted] = this.entries.entries().next().value as [string, T];
      this.entries.delete(oldest);
      this.bytes -= evicted.png.byteLength;
    }
    return image;
  }
}

const MAX_ENTRIES = 96;
const MAX_BYTES = 32 * 1024 * 1024;
const caches = new WeakMap<object, ImageCache>();

/** The cache for images drawn from `dataset`. */
export function imageCache(dataset: object): ImageCache {
  let cache = caches.get(dataset);
  if (!cache) {
    cache = new ImageCache(MAX_ENTRIES, MAX_BYTES);
    caches.set(dataset, cache);
  }
  return cache;
}
