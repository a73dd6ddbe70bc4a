// Text folding for name lookup: every name in the data and everything a user types go through the
// same functions, so "Győr", "GYOR", "Gyor, Hungary" and "győr " meet on one key.
// Pure and fast: autocomplete calls this on every keystroke.

/** Input beyond this is ignored: no city name is longer, and a 6,000-character paste must stay cheap. */
const MAX_INPUT_CHARS = 200;

/** Folded text with, for each of its UTF-16 units, the span of the original text it came from. */
export interface FoldedText {
  text: string;
  /** starts[i] / ends[i]: offsets in the original input of the character that produced text[i]. */
  starts: number[];
  ends: number[];
}

/** Letters the Unicode decompositions leave alone but that readers treat as plain Latin letters. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ı: 'i',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ð: 'd',
  đ: 'd',
  þ: 'th',
  ł: 'l',
  ħ: 'h',
  ς: 'σ',
};

/**
 * Scripts whose combining marks are accents or optional vowel points, safe to drop ("ő" → "o",
 * "й" → "и"). Marks on other scripts (Thai vowels, Devanagari signs, Japanese voicing) spell the
 * word and stay. A cluster whose base is not a letter (an emoji with a variation selector, a
 * stray mark) loses its marks too.
 */
const ACCENTED_BASE =
  /[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Hebrew}\p{sc=Arabic}\p{sc=Armenian}\p{sc=Georgian}]|\P{L}/u;
const MARK = /\p{M}/u;
const MARKS = /\p{M}/gu;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Invisible format characters (zero-width space and joiners, soft hyphen, bidi controls, tags): removed, not spaced. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: variation selectors are tested alone here, never as part of a pair
const FORMAT_ONLY = /^[\p{Cf}\uFE00-\uFE0F]+$/u;

/** Scripts written without spaces between words or with particles glued on (청주와): matched by substring. */
const UNSPACED_CLASS =
  '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}\\u30FC';
/** Scripts where one character is a syllable, so two characters already name a place (大分, 청주). */
const SYLLABIC_CLASS = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}\\u30FC';
const SYLLABIC_ONLY = new RegExp(`^[${SYLLABIC_CLASS}]+$`, 'u');
const UNSPACED_ONLY = new RegExp(`^[${UNSPACED_CLASS}]+$`, 'u');

/**
 * Words of folded text: runs of unspaced scripts (searched by substring), runs of other letters,
 * runs of digits. "bordeaux和武汉" gives "bordeaux" and "和武汉".
 */
export const WORD_PATTERN = new RegExp(`[${UNSPACED_CLASS}]+|[^\\s\\p{N}${UNSPACED_CLASS}]+|\\p{N}+`, 'gu');

/** True when every character is a syllable of Chinese, Japanese or Korean. */
export function isSyllabic(text: string): boolean {
  return text.length > 0 && SYLLABIC_ONLY.test(text);
}

/** True when the text is written in a script that does not separate words by spaces (or glues on particles). */
export function isUnspaced(text: string): boolean {
  return text.length > 0 && UNSPACED_ONLY.test(text);
}

// ASCII is by far the most common input: fold it through a table instead of the Unicode machinery.
const ASCII_FOLD: readonly string[] = Array.from({ length: 128 }, (_, code) => {
  const char = String.fromCharCode(code);
  if (/[a-z0-9]/.test(char)) return char;
  if (/[A-Z]/.test(char)) return char.toLowerCase();
  return ' ';
});

const CLUSTER_CACHE_LIMIT = 4096;
const clusterCache = new Map<string, string>();

/** Folds one base character with its combining marks; ' ' stands for a separator, '' for nothing. */
function foldCluster(cluster: string): string {
  const cached = clusterCache.get(cluster);
  if (cached !== undefined) return cached;
  let folded: string;
  if (FORMAT_ONLY.test(cluster)) {
    folded = '';
  } else {
    let text = cluster.normalize('NFKC').toLowerCase();
    const base = String.fromCodePoint(text.codePointAt(0) ?? 32);
    if (ACCENTED_BASE.test(base)) text = text.normalize('NFKD').replace(MARKS, '');
    folded = '';
    for (const char of text) {
      if (!WORD_CHAR.test(char)) folded += ' ';
      else folded += LETTER_FOLDS[char] ?? char;
    }
  }
  if (clusterCache.size >= CLUSTER_CACHE_LIMIT) clusterCache.clear();
  clusterCache.set(cluster, folded);
  return folded;
}

/** Combining marks, plus the half-width kana voicing marks that NFKC turns into combining ones (ﾊﾞ → バ). */
function isMarkAt(text: string, index: number): boolean {
  const code = text.codePointAt(index);
  if (code === undefined || code < 0x300) return false;
  return code === 0xff9e || code === 0xff9f || MARK.test(String.fromCodePoint(code));
}

/**
 * NFKC, lower case, accents folded (ő → o, ß → ss, ı → i), zero-width characters removed, emoji,
 * punctuation, hyphens and apostrophes turned into spaces, spaces collapsed. Scripts other than Latin
 * keep their letters. Only the first MAX_INPUT_CHARS characters are read, unless `maxChars` says otherwise.
 */
export function foldWithOffsets(input: string, maxChars: number = MAX_INPUT_CHARS): FoldedText {
  return foldInto(input, maxChars, true);
}

/** `foldWithOffsets` without the offsets: "  Győr-Moson " → "gyor moson". */
export function fold(input: string, maxChars: number = MAX_INPUT_CHARS): string {
  return foldInto(input, maxChars, false).text;
}

function foldInto(input: string, maxChars: number, track: boolean): FoldedText {
  const text = typeof input === 'string' ? input.slice(0, maxChars) : '';
  const starts: number[] = [];
  const ends: number[] = [];
  let out = '';
  let pendingSpace = false;
  const emit = (folded: string, start: number, end: number): void => {
    for (const char of folded) {
      if (char === ' ') {
        pendingSpace = out.length > 0;
        continue;
      }
      if (pendingSpace) {
        out += ' ';
        if (track) {
          starts.push(start);
          ends.push(start);
        }
        pendingSpace = false;
      }
      out += char;
      if (track) {
        for (let unit = 0; unit < char.length; unit++) {
          starts.push(start);
          ends.push(end);
        }
      }
    }
  };
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code < 0x80 && !isMarkAt(text, index + 1)) {
      emit(ASCII_FOLD[code] ?? ' ', index, index + 1);
      index += 1;
      continue;
    }
    let end = index + (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1);
    while (end < text.length && isMarkAt(text, end)) end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
    emit(foldCluster(text.slice(index, end)), index, end);
    index = end;
  }
  return { text: out, starts, ends };
}

/** Folded text without spaces: the key pinyin and CJK compare on ("du yi si bao" = "duyisibao"). */
export function compact(folded: string): string {
  return folded.replaceAll(' ', '');
}

/**
 * Drops words that say "this is a city" around a folded name: "city of bordeaux", "bordeaux city",
 * 杜伊斯堡市, 埃松省, 청주시. Never empties the name.
 */
export function stripCityWords(folded: string): string {
  return (
    folded
      .replace(/^(?:the )?city of (?=\S)/u, '')
      .replace(/(?<=\S) city$/u, '')
      .replace(/(?<=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]) ?市$/u, '')
      // 埃松省: a département named as a province, asked about as 埃松.
      .replace(/(?<=\p{sc=Han}{2})省$/u, '')
      .replace(/(?<=\p{sc=Hangul}{2}) ?시$/u, '')
  );
}

/**
 * Other names for countries, by ISO code, beyond the English and Chinese names. England, Wales and
 * Scotland map to the United Kingdom: within this data no other country can be meant.
 */
const COMMON_COUNTRY_FORMS: Readonly<Record<string, readonly string[]>> = {
  GB: ['UK', 'U.K.', 'Great Britain', 'Britain', 'England', 'Wales', 'Scotland', 'GB', '英格兰', '威尔士', '大不列颠'],
  US: ['USA', 'U.S.A.', 'US', 'U.S.', 'America', 'United States of America', '美利坚合众国'],
  KR: ['Korea', 'Republic of Korea', '한국', '대한민국', '南韩', '大韩民国'],
  TR: ['Turkey', 'Turkiye', '土耳其共和国'],
  NL: ['Holland', 'The Netherlands', 'Nederland'],
  DE: ['Deutschland', 'German Federal Republic', 'Federal Republic of Germany', '西德'],
  AT: ['Österreich'],
  SE: ['Sverige'],
  IS: ['Ísland'],
  HU: ['Magyarország'],
  RU: ['Russian Federation', 'Россия', '俄罗斯联邦'],
  UA: ['Україна'],
  GR: ['Hellas', 'Ελλάδα'],
  JP: ['Nippon', 'Nihon', '日本国'],
  TH: ['Siam', 'ประเทศไทย', 'ไทย'],
  KG: ['Kyrgyz Republic', 'Kirghizia', 'Кыргызстан'],
  RO: ['România'],
  MX: ['México'],
  CZ: ['Czech Republic'],
  CN: ["People's Republic of China", 'PRC', '中华人民共和国'],
};

/** ISO region codes that ICU names but that are not countries (EU, UN, pseudo-regions, "Unknown Region"). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB']);

let worldForms: readonly (readonly [string, string])[] | undefined;

/**
 * Every country's English and Chinese name from the runtime's ICU data, plus COMMON_COUNTRY_FORMS:
 * [name, ISO code]. Built once per process. Lets "Concepción, Paraguay" be told apart from Concepción, Chile.
 */
export function worldCountryForms(): readonly (readonly [string, string])[] {
  if (worldForms) return worldForms;
  const forms: [string, string][] = [];
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const chinese = new Intl.DisplayNames(['zh-Hans'], { type: 'region', fallback: 'none' });
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      // Deprecated codes (DD, UK, SU) name their successor: keep only the current code.
      if (NOT_COUNTRIES.has(code) || Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
      const name = english.of(code);
      if (!name) continue;
      forms.push([name, code]);
      const zh = chinese.of(code);
      if (zh) forms.push([zh, code]);
    }
  }
  for (const [code, names] of Object.entries(COMMON_COUNTRY_FORMS)) {
    for (const name of names) forms.push([name, code]);
  }
  worldForms = forms;
  return forms;
}

/** A country named before or after a place ("Duisburg, Germany", "德国杜伊斯堡"). */
export interface CountrySplit {
  rest: string;
  code: string;
}

/** Recognises country names at either end of a folded place name. */
export class CountryNames {
  /** Folded country name ("united kingdom", "德国") → ISO code. */
  private readonly byName = new Map<string, string>();
  /** ISO codes, recognised only after a name ("Christchurch NZ"): before one they are words ("at", "de"). */
  private readonly byCode = new Map<string, string>();
  private maxWords = 1;

  /**
   * `forms`: [name as written, ISO code]; earlier entries win. `codes`: ISO codes to recognise after
   * a name. `reserved`: folded, space-free names that must never be taken for a country (city names).
   */
  constructor(
    forms: Iterable<readonly [string, string]>,
    reserved: ReadonlySet<string> = new Set(),
    codes: Iterable<string> = [],
  ) {
    for (const [name, code] of forms) {
      const folded = fold(name);
      if (!folded || reserved.has(compact(folded)) || this.byName.has(folded)) continue;
      this.byName.set(folded, code);
      this.maxWords = Math.max(this.maxWords, folded.split(' ').length);
    }
    for (const code of codes) this.byCode.set(code.toLowerCase(), code);
  }

  /** Splits a country off either end of a folded name; null when none is there or nothing would remain. */
  split(folded: string): CountrySplit | null {
    const words = folded.split(' ');
    const lastCode = words.length > 1 ? this.byCode.get(words[words.length - 1]!) : undefined;
    if (lastCode) return { rest: words.slice(0, -1).join(' '), code: lastCode };
    for (let count = Math.min(this.maxWords, words.length - 1); count >= 1; count--) {
      const trailing = this.byName.get(words.slice(-count).join(' '));
      if (trailing) return { rest: words.slice(0, -count).join(' '), code: trailing };
      const leading = this.byName.get(words.slice(0, count).join(' '));
      if (leading) return { rest: words.slice(count).join(' '), code: leading };
    }
    // Chinese and Japanese write the country against the name: 杜伊斯堡德国, 德国杜伊斯堡市.
    const last = words[words.length - 1] ?? '';
    const first = words[0] ?? '';
    for (let length = Math.min(8, last.length - 2); length >= 2; length--) {
      const code = this.byName.get(last.slice(-length));
      if (code && isSyllabic(last)) return { rest: folded.slice(0, folded.length - length), code };
    }
    for (let length = Math.min(8, first.length - 2); length >= 2; length--) {
      const code = this.byName.get(first.slice(0, length));
      if (code && isSyllabic(first)) return { rest: folded.slice(length), code };
    }
    return null;
  }
}

/**
 * The lookup form of a name: folded, then "city of" / "city" / 市 and a country at either end
 * removed when `countries` is given. "City of Duisburg, Germany" → "duisburg"; "杜伊斯堡市 德国" → "杜伊斯堡".
 */
export function normalize(text: string, countries?: CountryNames): string {
  const name = stripCityWords(fold(text));
  const split = countries?.split(name);
  return split ? stripCityWords(split.rest) : name;
}
