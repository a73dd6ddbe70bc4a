// Translations. Each area of the code declares its own catalog with defineMessages(); the
// compiler forces every key to exist in both languages, and test/i18n.test.ts checks at run
// time that no text is empty and that both sides use the same {placeholders}.
import type { FuzzyDate } from '../data/types.js';

export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** Discord sends "zh-CN", "zh-TW", "en-US", "en-GB", ...: Chinese variants get Chinese, the rest English. */
export function pickLocale(requested: string | null | undefined): Locale {
  return requested?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export type Params = Record<string, string | number>;
export type Catalog<K extends string> = { en: Record<K, string>; 'zh-CN': Record<K, string> };
export type Translate<K extends string> = (locale: Locale, key: K, params?: Params) => string;

export const registry = new Map<string, Catalog<string>>();

export function defineMessages<K extends string>(area: string, catalog: Catalog<K>): Translate<K> {
  if (registry.has(area)) throw new Error(`i18n area "${area}" is defined twice`);
  registry.set(area, catalog);
  return (locale, key, params) => interpolate(catalog[locale][key] ?? catalog.en[key], params);
}

function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "8 October 1982" / "1982年10月8日", "September 1982" / "1982年9月", "2007" / "2007年". */
export function formatDate(date: FuzzyDate, locale: Locale): string {
  const [year, month, day] = date.date.split('-').map(Number) as [number, number?, number?];
  if (locale === 'zh-CN') {
    if (date.precision === 'day') return `${year}年${month}月${day}日`;
    if (date.precision === 'month') return `${year}年${month}月`;
    return `${year}年`;
  }
  if (date.precision === 'day') return `${day} ${MONTHS_EN[month! - 1]} ${year}`;
  if (date.precision === 'month') return `${MONTHS_EN[month! - 1]} ${year}`;
  return String(year);
}

/** Join a list the way each language does: "a, b and c" / "a、b和c". */
export function formatList(items: string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  if (locale === 'zh-CN') return `${items.slice(0, -1).join('、')}和${items.at(-1)}`;
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function formatNumber(n: number, locale: Locale): string {
  return n.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-GB');
}
