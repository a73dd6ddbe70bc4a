// The images draw with font subsets (assets/fonts/, made by `npm run fonts`). A name added to data/
// with a character the subsets lack would come out as a box: these tests fail first, and say what to run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { charactersToKeep, FONT_SOURCES } from '../../scripts/fonts.js';
import { loadDataset } from '../../src/data/load.js';
import { Font, font, FONT_FILES, shape } from '../../src/render/image/fonts.js';

const RERUN = 'run npm run fonts (scripts/fonts.ts) to remake the subsets in assets/fonts/';

const hex = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The characters of `text` drawn as the missing-glyph box. */
function missing(text: string): string[] {
  const characters = [...text];
  return shape(text).glyphs.flatMap((g, i) => (g.glyph === 0 ? [characters[i]!] : []));
}

describe('the font subsets', () => {
  it('draw every name of every city and country in data/ (English and Chinese)', () => {
    const problems: string[] = [];
    for (const city of loadDataset().cities) {
      const names = [city.names.en, city.names.zh, city.country.name, city.country.zh].filter((n): n is string =>
        Boolean(n),
      );
      for (const name of names) {
        const lacking = missing(name);
        if (lacking.length > 0)
          problems.push(`${city.id}: "${name}" lacks ${lacking.map((ch) => `${ch} (${hex(ch)})`).join(', ')}`);
      }
    }
    expect(problems, `names the font subsets cannot draw; ${RERUN}`).toEqual([]);
  });

  it('keep every character of data/ and src/ that the full fonts have (the subsets are up to date)', () => {
    const require = createRequire(import.meta.url);
    const full = {
      regular: new Font('regular', readFileSync(require.resolve(FONT_SOURCES['NotoSans-Regular.subset.ttf']))),
      bold: new Font('bold', readFileSync(require.resolve(FONT_SOURCES['NotoSans-Bold.subset.ttf']))),
      chinese: new Font('chinese', readFileSync(require.resolve(FONT_SOURCES['NotoSansSC-Regular.subset.ttf']))),
    };
    const lost: string[] = [];
    for (const ch of charactersToKeep()) {
      const cp = ch.codePointAt(0)!;
      for (const name of ['regular', 'bold', 'chinese'] as const) {
        if (full[name].glyph(cp) !== 0 && font(name).glyph(cp) === 0) lost.push(`${name}: ${ch} (${hex(ch)})`);
      }
    }
    expect(lost.slice(0, 20), `${lost.length} characters missing from the subsets; ${RERUN}`).toEqual([]);
  });

  it('cover Latin-1, Latin Extended-A and CJK punctuation, and are small', () => {
    for (const cp of [0xe3, 0xe9, 0xf6, 0x107, 0x11f, 0x142, 0x15f, 0x17e, 0x3001, 0x3002, 0x300a, 0xff0c]) {
      expect(shape(String.fromCodePoint(cp)).glyphs[0]!.glyph, hex(String.fromCodePoint(cp))).not.toBe(0);
    }
    expect(shape('São Paulo').glyphs.every((g) => g.glyph !== 0)).toBe(true);
    for (const file of Object.values(FONT_FILES)) expect(readFileSync(file).length).toBeLessThan(1024 * 1024);
  });
});
