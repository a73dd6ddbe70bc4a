// Small formatting pieces every view uses: flags, user text made safe, source links,
// and fitting lines into Discord's field and embed limits.
import { DISCORD_MENTION, INVISIBLE, visibleText } from '../domain/user-text.js';
import type { City, Dataset, DatedFact, DocumentKind, FuzzyDate, Source, Tier } from '../data/types.js';
import { formatDate, type Locale } from '../i18n/index.js';
import { cityName, countryName } from '../i18n/names.js';
import type { Card, CardField } from '../reply/reply.js';
import { t } from './common.messages.js';

export const COLORS = {
  friendship: 0xd4213d, // Wuhan red
  exchange: 0x2f7fb8,
  // Not partner cities: muted, so a card never looks like a partner's.
  memorandum: 0xa0a4a8,
  district: 0xa0a4a8,
  unstated: 0xa0a4a8,
  notActive: 0x7f8c8d,
  neutral: 0x5865f2,
} as const;

/** The same limits render/discord.ts enforces; views aim under them so nothing is cut there. */
const FIELD_MAX = 1024;
/** Leaves room under Discord's 6,000 for a footer and rounding in what counts as a character. */
const CARD_BUDGET = 5800;

/** "DE" → 🇩🇪 (two regional-indicator symbols); empty for anything that is not two letters. */
export function flagEmoji(code: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return '';
  return String.fromCodePoint(...[...code.toUpperCase()].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

/** "Duisburg · 杜伊斯堡市 (Germany)" / "…（德国）": for menus and autocomplete, where both scripts help finding. */
export function cityLabel(city: City, locale: Locale): string {
  const names = city.names.zh ? `${city.names.en} · ${city.names.zh}` : city.names.en;
  const country = countryName(city.country, locale);
  return locale === 'zh-CN' ? `${names}（${country}）` : `${names} (${country})`;
}

/** Alternatives the way each language lists them: "a, b or c" / "a、b或c". */
export function orList(items: string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  const separator = locale === 'zh-CN' ? '、' : ', ';
  return `${items.slice(0, -1).join(separator)}${t(locale, 'or')}${items.at(-1)}`;
}

const TIER_KEYS = {
  friendship: ['tierFriendship', 'tierFriendshipShort'],
  exchange: ['tierExchange', 'tierExchangeShort'],
  memorandum: ['tierMemorandum', 'tierMemorandumShort'],
  district: ['tierDistrict', 'tierDistrictShort'],
  unstated: ['tierUnstated', 'tierUnstatedShort'],
} as const satisfies Record<Tier, readonly [string, string]>;

export function tierLabel(tier: Tier, locale: Locale, short = false): string {
  const [long, brief] = TIER_KEYS[tier];
  return t(locale, short ? brief : long);
}

const DOCUMENT_KEYS = {
  agreement: 'docAgreement',
  memorandum: 'docMemorandum',
  intent: 'docIntent',
  announcement: 'docAnnouncement',
  'not-stated': 'docNotStated',
} as const satisfies Record<DocumentKind, string>;

export function documentLabel(kind: DocumentKind, locale: Locale): string {
  return t(locale, DOCUMENT_KEYS[kind]);
}

/**
 * A date with what it dates and its doubts: "29 September 2007 (declaration or letter of intent)",
 * "October 2009 (inferred; possibly later)" when the sources only imply it or hint at a later one.
 */
export function dateText(date: FuzzyDate & Pick<DatedFact, 'inferred' | 'doubt' | 'document'>, locale: Locale): string {
  const text = formatDate(date, locale);
  const doubts = [
    ...(date.document ? [documentLabel(date.document, locale)] : []),
    ...(date.inferred ? [t(locale, 'inferred')] : []),
    ...(date.doubt === 'possibly-later' ? [t(locale, 'possiblyLater')] : []),
  ];
  if (!doubts.length) return text;
  return locale === 'zh-CN' ? `${text}（${doubts.join('；')}）` : `${text} (${doubts.join('; ')})`;
}

export function footerText(data: Dataset, locale: Locale): string {
  return t(locale, 'footer', { asOf: formatDate({ date: data.asOf, precision: 'day' }, locale) });
}

const MARKDOWN = /[\\*_~`|>#[\]()<]/g;
const URL_SCHEME = /\b[a-z][a-z0-9+.-]*:\/\//gi;

/** The input without invisible characters, with masked links reduced to their text: what to look up. */
export function cleanQuery(text: string): string {
  return visibleText(text.normalize('NFC').replace(/\s+/g, ' ')).trim();
}

/** Discord mentions (<@123>, <@&123>, <#123>, a custom emoji) and nothing else but spaces. */
export function isOnlyMentions(text: string): boolean {
  const visible = text.replace(INVISIBLE, '').trim();
  return visible !== '' && visible.replace(DISCORD_MENTION, '').trim() === '';
}

/**
 * User text we echo back ("No partner city called “…”"): without mentions, markdown or links,
 * on one line, at most `max` characters. Empty when nothing printable is left.
 */
export function sanitizeUserText(text: string, max = 60): string {
  const clean = visibleText(text.normalize('NFC').replace(DISCORD_MENTION, ' '))
    .replace(URL_SCHEME, '')
    .replace(MARKDOWN, '')
    .replace(/@/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(clean);
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('')}…`;
}

/** sanitizeUserText, or a visible placeholder when nothing is left. */
export function quoteUserText(text: string, locale: Locale): string {
  return sanitizeUserText(text) || t(locale, 'emptyInput');
}

/**
 * Whole lines joined by newlines, as many as fit in `max` characters; the rest are counted in a
 * final "…and N more" line. A first line longer than `max` is cut.
 */
export function fitLines(lines: string[], max: number, locale: Locale): string {
  const all = lines.join('\n');
  if (all.length <= max) return all;
  const kept: string[] = [];
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    const more = `\n${t(locale, 'more', { count: lines.length - i - 1 })}`;
    const line = lines[i]!;
    const add = (kept.length ? 1 : 0) + line.length;
    const restFits = i === lines.length - 1 ? used + add <= max : used + add + more.length <= max;
    if (!restFits) break;
    kept.push(line);
    used += add;
  }
  const hidden = lines.length - kept.length;
  const moreLine = t(locale, 'more', { count: hidden });
  if (kept.length === 0) {
    const room = Math.max(1, max - moreLine.length - 2);
    return `${Array.from(lines[0]!).slice(0, room).join('')}…\n${moreLine}`;
  }
  return `${kept.join('\n')}\n${moreLine}`;
}

const QUALITY_KEYS = {
  mirror: 'qualityMirror',
  repost: 'qualityRepost',
  low: 'qualityLow',
  'machine-translated': 'qualityMachineTranslated',
} as const;

/** A safe markdown link target: http(s) only, non-ASCII percent-encoded, parentheses escaped. */
function linkTarget(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
  } catch {
    return null;
  }
}

/** "[Title](url) (mirror copy)", one line per source. */
export function sourceLines(sources: Source[], locale: Locale): string[] {
  return sources.map((s) => {
    const title = s.title.replace(/[[\]]/g, '').replace(/\s+/g, ' ').trim() || s.id;
    const target = linkTarget(s.url);
    const link = target ? `[${title}](${target})` : title;
    return s.quality ? `${link} ${t(locale, QUALITY_KEYS[s.quality])}` : link;
  });
}

/**
 * "[wh-china.com](url) (mirror copy)": a source named by its site only, for lists of many sources
 * (the /count history) where full titles would not fit Discord's 6,000 characters per message.
 */
export function shortSourceLinks(sources: Source[], locale: Locale): string {
  return sources
    .map((s) => {
      const target = linkTarget(s.url);
      const host = target ? new URL(target).hostname.replace(/^www\./, '') : s.id;
      const link = target ? `[${host}](${target})` : host;
      return s.quality ? `${link} ${t(locale, QUALITY_KEYS[s.quality])}` : link;
    })
    .join(locale === 'zh-CN' ? '；' : '; ');
}

/** A note's (or a cooperation entry's) text in the reader's language: the dataset writes both. */
export function localText(item: { text: string; textZh: string }, locale: Locale): string {
  return locale === 'zh-CN' ? item.textZh : item.text;
}

/** "**Trade:** text" / "**经贸**：text". */
export function labelled(label: string, text: string, locale: Locale): string {
  return locale === 'zh-CN' ? `**${label}**：${text}` : `**${label}:** ${text}`;
}

export function bullet(text: string): string {
  return `• ${text}`;
}

export interface Section {
  name: string;
  lines: string[];
  inline?: boolean;
  /** The fewest characters this section may shrink to when the card is too long; 0 keeps it whole. */
  minChars?: number;
  /** Long sections (sources) may run on into this many fields, named "… (continued)". Default 1. */
  maxFields?: number;
}

function cardLength(card: Omit<Card, 'fields'> & { fields?: CardField[] }): number {
  return (
    (card.title?.length ?? 0) +
    (card.description?.length ?? 0) +
    (card.footer?.length ?? 0) +
    (card.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Splits text at line breaks into pieces of at most `max` characters (fitLines already cut any longer line). */
function chunkLines(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/**
 * A card whose fields hold `sections`, each field within FIELD_MAX and all within CARD_BUDGET: when the
 * card is too long, the section with the most room above its `minChars` gives up whole lines first,
 * so every shrinkable section keeps something (sources stay listed, ending "…and N more").
 */
export function fitCard(base: Omit<Card, 'fields'>, sections: Section[], locale: Locale): Card {
  const present = sections.filter((s) => s.lines.length > 0);
  const caps = present.map((s) => FIELD_MAX * (s.maxFields ?? 1));
  const fixed = cardLength(base);
  const render = () => {
    const texts = present.map((s, i) => fitLines(s.lines, caps[i]!, locale));
    const fields: CardField[] = present.flatMap((s, i) =>
      chunkLines(texts[i]!, FIELD_MAX).map((value, part) => ({
        name: part === 0 ? s.name : t(locale, 'continued', { name: s.name }),
        value,
        ...(s.inline ? { inline: true } : {}),
      })),
    );
    return { texts, fields };
  };
  let { texts, fields } = render();
  for (let round = 0; round < present.length * 4; round++) {
    const overflow = fixed + fields.reduce((n, f) => n + f.name.length + f.value.length, 0) - CARD_BUDGET;
    if (overflow <= 0) break;
    let pick = -1;
    let slack = 0;
    texts.forEach((text, i) => {
      const min = present[i]!.minChars ?? 0;
      const room = min > 0 ? text.length - min : 0;
      if (room > slack) [pick, slack] = [i, room];
    });
    if (pick < 0) break;
    caps[pick] = texts[pick]!.length - Math.min(slack, overflow);
    ({ texts, fields } = render());
  }
  return { ...base, fields };
}

/**
 * One relationship on one line, for lists: "8 October 1982 · 🇩🇪 **Duisburg** (Germany)", then markers
 * for what sets it apart: exchange tier, ended, phasing out, other dates. The tier is only marked for
 * exchange cities, since most entries are friendship cities.
 */
export function relationshipLine(
  city: City,
  locale: Locale,
  options: { date?: boolean; country?: boolean } = {},
): string {
  const { date = true, country = true } = options;
  const parts: string[] = [];
  if (date) parts.push(city.established ? dateText(city.established, locale) : t(locale, 'dateUnknown'));
  const flag = flagEmoji(city.country.code);
  const where = !country
    ? ''
    : locale === 'zh-CN'
      ? `（${countryName(city.country, locale)}）`
      : ` (${countryName(city.country, locale)})`;
  parts.push(`${flag ? `${flag} ` : ''}**${cityName(city, locale)}**${where}`);
  const markers: string[] = [];
  if (city.tier !== 'friendship') {
    const key = (
      {
        exchange: 'lineExchange',
        memorandum: 'lineMemorandum',
        district: 'lineDistrict',
        unstated: 'lineUnstated',
      } as const
    )[city.tier];
    markers.push(t(locale, key));
  }
  if (city.status.state === 'ended') markers.push(t(locale, 'lineEnded', { year: city.status.date.slice(0, 4) }));
  if (city.status.state === 'phasing-out')
    markers.push(t(locale, 'linePhasingOut', { year: city.status.date.slice(0, 4) }));
  if (city.conflictingDates.length) {
    markers.push(
      t(locale, 'lineConflict', { dates: city.conflictingDates.map((d) => dateText(d, locale)).join(' / ') }),
    );
  }
  const line = parts.join(' · ');
  return markers.length ? `${line} · _${markers.join(locale === 'zh-CN' ? '，' : ', ')}_` : line;
}
