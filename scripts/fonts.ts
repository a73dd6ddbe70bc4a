// `npm run fonts`: cut the fonts the images are drawn with down to the characters the bot can draw,
// into assets/fonts/. Run it again after data/ (or a drawn message) gains a character: the font test
// (test/images/fonts.test.ts) fails until then. The full fonts (13 MB, most of it 30,000 Chinese
// glyphs) come from npm packages installed only for development; the bot ships the subsets (~1 MB)
// and never reads the full files.
//
// Kept: every character in data/ and in src/ (names, map and chart labels in both languages), plus
// ranges that cover names still to come: Latin-1 and Latin Extended-A, Greek and Cyrillic, general
// and CJK punctuation, full-width forms.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FONTS_DIR = join(ROOT, 'assets', 'fonts');

/** Subset file name → the full font in its npm package. */
export const FONT_SOURCES = {
  'NotoSans-Regular.subset.ttf': '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  'NotoSans-Bold.subset.ttf': '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  'NotoSansSC-Regular.subset.ttf': '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
} as const;

const RANGES: [number, number][] = [
  [0x20, 0x7e], // ASCII
  [0xa0, 0x17f], // Latin-1 Supplement, Latin Extended-A
  [0x370, 0x3ff], // Greek
  [0x400, 0x4ff], // Cyrillic
  [0x2000, 0x206f], // General Punctuation (dashes, quotes, ellipsis)
  [0x3000, 0x303f], // CJK Symbols and Punctuation
  [0xff00, 0xffef], // Half-width and Full-width Forms (，：（）)
];

function filesUnder(directory: string, extension: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return filesUnder(path, extension);
    return path.endsWith(extension) ? [path] : [];
  });
}

/** Every character the bot may draw: what data/ and src/ contain, and the ranges above. */
export function charactersToKeep(root = ROOT): string {
  const characters = new Set<string>();
  for (const [from, to] of RANGES) for (let cp = from; cp <= to; cp++) characters.add(String.fromCodePoint(cp));
  const files = [...filesUnder(join(root, 'data'), '.json'), ...filesUnder(join(root, 'src'), '.ts')];
  for (const file of files) for (const ch of readFileSync(file, 'utf8')) if (ch >= ' ') characters.add(ch);
  return [...characters].sort().join('');
}

async function main(): Promise<void> {
  const text = charactersToKeep();
  mkdirSync(FONTS_DIR, { recursive: true });
  for (const [name, source] of Object.entries(FONT_SOURCES)) {
    const full = readFileSync(require.resolve(source));
    // Only outlines, metrics and the character map are read (fonts.ts): no hinting, no layout tables.
    const subset = await subsetFont(full, text, { targetFormat: 'truetype', noHinting: true, noLayoutClosure: true });
    const path = join(FONTS_DIR, name);
    writeFileSync(path, subset);
    console.log(
      `${relative(ROOT, path)}: ${Math.round(full.length / 1024)} KB → ${Math.round(subset.length / 1024)} KB`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
