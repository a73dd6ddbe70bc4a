// /timeline: relationships in date order, ten per page, with ◀ ▶ buttons.
import type { Dataset } from '../data/types.js';
import { isPartner } from '../domain/facts/partners.js';
import { timeline, type YearRange } from '../domain/facts/timeline.js';
import type { Locale } from '../i18n/index.js';
import { t } from './timeline.messages.js';
import { COLORS, fitLines, footerText, relationshipLine } from './format.js';
import type { Action, Reply } from '../reply/reply.js';

const PAGE_SIZE = 10;
export const FIRST_YEAR = 1979; // Wuhan's first twinning (Ōita)
export const LAST_YEAR = 2100;

/** "…, 2000–2010", "… in 1979", "… from 2020 on", "… up to 1990", as the range asks. */
function titleOf(range: YearRange, locale: Locale): string {
  const from = range.from ?? FIRST_YEAR;
  const to = range.to ?? LAST_YEAR;
  // A bound at the edge of what the data can hold (1979: Wuhan's first tie) narrows nothing.
  const fromSet = from > FIRST_YEAR;
  const toSet = to < LAST_YEAR;
  if (from === to) return t(locale, 'titleYear', { year: from });
  if (fromSet && toSet) return t(locale, 'titleRange', { from, to });
  if (fromSet) return t(locale, 'titleFrom', { from });
  if (toSet) return t(locale, 'titleTo', { to });
  return t(locale, 'title');
}

/** Nothing in the range: "none yet" while the range runs on into the future. */
function noneText(range: YearRange, locale: Locale): string {
  return range.from !== undefined && (range.to ?? LAST_YEAR) === LAST_YEAR
    ? t(locale, 'noneYet', { from: range.from })
    : t(locale, 'none');
}

/** `pageId(n)` is the custom_id of the button that shows page n (pages count from 1); the command owns its format. */
export function timelineReply(
  data: Dataset,
  range: YearRange,
  requestedPage: number,
  locale: Locale,
  pageId: (page: number) => string,
): Reply {
  const line = timeline(data, range);
  // Partner cities make the timeline and its count; memoranda and district ties close it, apart.
  const dated = line.dated.filter(isPartner);
  const undated = line.undated.filter(isPartner);
  const others = [...line.dated, ...line.undated].filter((c) => !isPartner(c));
  const pages = Math.max(1, Math.ceil(dated.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(requestedPage) || 1), pages);
  const shown = dated.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const description = [
    dated.length ? t(locale, 'summary', { count: dated.length }) : noneText(range, locale),
    shown.map((c) => relationshipLine(c, locale)).join('\n'),
  ]
    .filter(Boolean)
    .join('\n\n');
  // Undated ties cannot be placed in time, so they close the last page whatever the range.
  const fields = [];
  if (page === pages && undated.length) {
    fields.push({
      name: t(locale, 'undated'),
      value: fitLines(
        undated.map((c) => relationshipLine(c, locale, { date: false })),
        1024,
        locale,
      ),
    });
  }
  if (page === pages && others.length) {
    fields.push({
      name: t(locale, 'otherTies'),
      value: fitLines(
        others.map((c) => relationshipLine(c, locale)),
        1024,
        locale,
      ),
    });
  }
  const actions: Action[][] =
    pages > 1
      ? [
          [
            {
              type: 'button',
              customId: pageId(page - 1),
              label: t(locale, 'previous'),
              emoji: '◀',
              disabled: page === 1,
            },
            {
              type: 'button',
              customId: pageId(page + 1),
              label: t(locale, 'next'),
              emoji: '▶',
              disabled: page === pages,
            },
          ],
        ]
      : [];
  return {
    cards: [
      {
        title: titleOf(range, locale),
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
