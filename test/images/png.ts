// A small PNG reader for the image tests: 8-bit RGB or RGBA, not interlaced (what resvg writes).
// node:zlib inflates the data; the five row filters are undone here.
import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, four bytes a pixel. */
  pixels: Uint8Array;
  /** [r, g, b, a] at (x, y), rounded to whole pixels. */
  at(x: number, y: number): [number, number, number, number];
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

export function isPng(data: Uint8Array): boolean {
  return SIGNATURE.every((byte, i) => data[i] === byte);
}

export function decodePng(data: Uint8Array): DecodedPng {
  if (!isPng(data)) throw new Error('not a PNG');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  for (let p = 8; p < data.length; ) {
    const length = view.getUint32(p);
    const type = String.fromCharCode(...data.subarray(p + 4, p + 8));
    const body = data.subarray(p + 8, p + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(p + 8);
      height = view.getUint32(p + 12);
      const [depth, color, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || (color !== 2 && color !== 6))
        throw new Error(`unsupported PNG: depth ${depth}, colour type ${color}`);
      channels = color === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    p += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = rows.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? rows.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? out[i - channels]! : 0;
      const up = prev[i]!;
      const upLeft = i >= channels ? prev[i - channels]! : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const estimate = left + up - upLeft;
        const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
        predicted = a <= b && a <= c ? left : b <= c ? up : upLeft;
      }
      out[i] = (line[i]! + predicted) & 255;
    }
  }
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    pixels[i * 4] = rows[i * channels]!;
    pixels[i * 4 + 1] = rows[i * channels + 1]!;
    pixels[i * 4 + 2] = rows[i * channels + 2]!;
    pixels[i * 4 + 3] = channels === 4 ? rows[i * channels + 3]! : 255;
  }
  return {
    width,
    height,
    pixels,
    at(x, y) {
      const i = (Math.round(y) * width + Math.round(x)) * 4;
      return [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!, pixels[i + 3]!];
    },
  };
}

export function hex(color: string): [number, number, number] {
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Whether the pixel is `color`, give or take anti-aliasing. */
export function near(pixel: readonly number[], color: string, tolerance = 6): boolean {
  const [r, g, b] = hex(color);
  return (
    Math.abs(pixel[0]! - r) <= tolerance && Math.abs(pixel[1]! - g) <= tolerance && Math.abs(pixel[2]! - b) <= tolerance
  );
}

/** Mean absolute difference per channel (0–255) between two images of the same size. */
export function meanAbsoluteDifference(a: DecodedPng, b: DecodedPng): number {
  if (a.width !== b.width || a.height !== b.height) return 255;
  let sum = 0;
  for (let i = 0; i < a.pixels.length; i++) sum += Math.abs(a.pixels[i]! - b.pixels[i]!);
  return sum / a.pixels.length;
}
