import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { inputLines, terminalSafe } from '../../src/console/terminal.js';

describe('terminalSafe', () => {
  it('keeps text, newlines, tabs and colour codes; shows other controls and bidi marks as code points', () => {
    expect(terminalSafe('武汉 Duisburg\n\tok')).toBe('武汉 Duisburg\n\tok');
    expect(terminalSafe('\x1b[1mbold\x1b[22m')).toBe('\x1b[1mbold\x1b[22m');
    expect(terminalSafe('a\rb\x1b[2Jc\u202ed\u2066e\x9bf')).toBe('a<U+000D>b<U+001B>[2Jc<U+202E>d<U+2066>e<U+009B>f');
  });
});

describe('inputLines', () => {
  it('splits at \\n and \\r\\n only, across chunk boundaries, multi-byte characters included', async () => {
    const bytes = Buffer.from('a\rb\r\n武汉\nlast');
    const chunks = [bytes.subarray(0, 4), bytes.subarray(4, 7), bytes.subarray(7)];
    const lines: string[] = [];
    for await (const line of inputLines(Readable.from(chunks))) lines.push(line);
    expect(lines).toEqual(['a\rb', '武汉', 'last']);
  });
});
