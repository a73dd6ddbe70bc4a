// /timeline: relationships in date order, ten per page, with ◀ ▶ buttons.
import type { Dataset } from '../data/types.js';
import { timeline, type YearRange } from '../domain/facts/timeline.js';
import type { Locale } from '../i18n/index.js';
import { t } from './timeline.messages.js';
import { COLORS, fitLines, footerText, relationshipLine } from './format.js';
import type { Action, Reply } from './reply.js';

export const PAGE_SIZE = 10;
export const FIRST_YEAR = 1979; // Wuhan's first twinning (Ōita)
export const LAST_YEAR = 2100;

/** "timeline:p:<from>:<to>:<page>", an absent bound left empty; pages count from 1. */
export function pageId(range: YearRange, page: number): string {
  return `timeline:p:${range.from ?? ''}:${range.to ?? ''}:${page}`;
}

export function timelineReply(data: Dataset, range: YearRange, requestedPage: number, locale: Locale): Reply {
  const { dated, undated } = timeline(data, range);
  const pages = Math.max(1, Math.ceil(dated.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(requestedPage) || 1), pages);
  const shown = dated.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const ranged = range.from !== undefined || range.to !== undefined;
  const title = ranged
    ? t(locale, 'titleRange', { from: range.from ?? FIRST_YEAR, to: range.to ?? LAST_YEAR })
    : t(locale, 'title');
  const description = [
    dated.length ? t(locale, 'summary', { count: dated.length }) : t(locale, 'none'),
    shown.map((c) => relationshipLine(c, locale)).join('\n'),
  ]
    .filter(Boolean)
    .join('\n\n');
  // Undated ties cannot be placed in time, so they close the last page whatever the range.
  const fields =
    page === pages && undated.length
      ? [{ name: t(locale, 'undated'), value: fitLines(undated.map((c) => relationshipLine(c, locale, { date: false })), 1024, locale) }]
      : [];
  const actions: Action[][] =
    pages > 1
      ? [
          [
            { type: 'button', customId: pageId(range, page - 1), label: t(locale, 'previous'), emoji: '◀', disabled: page === 1 },
            { type: 'button', customId: pageId(range, page + 1), label: t(locale, 'next'), emoji: '▶', disabled: page === pages },
          ],
        ]
      : [];
  return {
    cards: [
      {
        title,
        description,
        fields,
        footer: `${t(locale, 'page', { page, pages })} · ${footerText(data, locale)}`,
        color: COLORS.neutral,
      },
    ],
    actions,
  };
}

export function fromAfterToReply(from: number, to: number, locale: Locale): Reply {
  return { content: t(locale, 'fromAfterTo', { from, to }), ephemeral: true };
}

export function badYearReply(locale: Locale): Reply {
  return { content: t(locale, 'badYear', { min: FIRST_YEAR, max: LAST_YEAR }), ephemeral: true };
}
