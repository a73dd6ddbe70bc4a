// /timeline [from] [to]: partnerships in date order, paged with buttons.
import { timeline, type YearRange } from '../domain/facts/timeline.js';
import type { Reply } from '../reply/reply.js';
import { staleChoiceReply } from '../views/common.js';
import { badYearReply, FIRST_YEAR, fromAfterToReply, LAST_YEAR, timelineReply } from '../views/timeline.js';
import type { Locale } from '../i18n/index.js';
import type { App } from '../app/app.js';
import { componentId } from './component-id.js';
import { defineCommand, type OptionValue } from './types.js';
import { timelineChartImage, withImage } from '../app/images.js';

const NAME = 'timeline';

/** "timeline:p:<from>:<to>:<page>", an absent bound left empty; pages count from 1. */
function pageId(range: YearRange, page: number): string {
  return componentId(NAME, `p:${range.from ?? ''}:${range.to ?? ''}:${page}`);
}

/** The bounds (as typed, checked later like the options) and page a pageId carried; null for anything else. */
function parsePageId(id: string): { from: string; to: string; page: number } | null {
  const match = /^p:(\d*):(\d*):(\d+)$/.exec(id);
  return match ? { from: match[1]!, to: match[2]!, page: Number(match[3]) } : null;
}

type YearParse = { ok: true; year?: number } | { ok: false };

/** Absent is fine; anything present must be a whole year in range (the console passes raw text). */
function parseYear(value: OptionValue | string | undefined): YearParse {
  if (value === undefined || value === '') return { ok: true };
  const year =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d{1,4}\s*$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR ? { ok: true, year } : { ok: false };
}

function reply(app: App, from: YearParse, to: YearParse, page: number, locale: Locale): Reply {
  if (!from.ok || !to.ok) return badYearReply(locale);
  if (from.year !== undefined && to.year !== undefined && from.year > to.year)
    return fromAfterToReply(from.year, to.year, locale);
  const range: YearRange = {};
  if (from.year !== undefined) range.from = from.year;
  if (to.year !== undefined) range.to = to.year;
  const result = timelineReply(app.data, range, page, locale, (n) => pageId(range, n));
  // The chart goes with the first page; the others keep to the list. An empty range has nothing to chart.
  const charted = page <= 1 && timeline(app.data, range).dated.length > 0;
  return charted ? withImage(result, timelineChartImage(app.data, range, locale)) : result;
}

export const command = defineCommand({
  definition: {
    name: NAME,
    nameZh: '时间线',
    description: {
      en: 'Wuhan’s partnerships in the order they were established',
      'zh-CN': '按结好时间排列的武汉友好城市',
    },
    options: [
      {
        name: 'from',
        nameZh: '起始年',
        description: { en: 'First year to show', 'zh-CN': '从哪一年开始' },
        type: 'integer',
        minValue: FIRST_YEAR,
        maxValue: LAST_YEAR,
      },
      {
        name: 'to',
        nameZh: '结束年',
        description: { en: 'Last year to show', 'zh-CN': '到哪一年为止' },
        type: 'integer',
        minValue: FIRST_YEAR,
        maxValue: LAST_YEAR,
      },
    ],
  },
  examples: ['/timeline from:2010 to:2019', '/timeline'],
  examplesZh: ['/时间线 起始年:2010 结束年:2019', '/时间线'],
  run: (input, ctx) => reply(ctx.app, parseYear(input.options.from), parseYear(input.options.to), 1, ctx.locale),
  component(id, _values, ctx) {
    // A malformed id is a stale or forged button.
    const paged = parsePageId(id);
    if (!paged) return { kind: 'reply', reply: staleChoiceReply(ctx.locale) };
    const result = reply(ctx.app, parseYear(paged.from), parseYear(paged.to), paged.page, ctx.locale);
    return result.ephemeral ? { kind: 'reply', reply: result } : { kind: 'update', reply: result };
  },
});
