// The one sentence that says how complete the dataset is. /count, /about and /ask all say it the same way.
import type { Dataset } from '../../data/types.js';
import { formatDate, formatList, type Locale } from '../../i18n/index.js';
import { cityName } from '../../i18n/names.js';
import { t } from './coverage.messages.js';
import { coverage, type TierCoverage } from './totals.js';

function tierPart(cov: TierCoverage, tier: 'friendship' | 'exchange', locale: Locale): string {
  const Tier = tier === 'friendship' ? 'Friendship' : 'Exchange';
  const official = cov.official?.[tier];
  if (!cov.official || official === null || official === undefined) {
    return t(locale, `${tier}NoCount`, { listed: cov.listed });
  }
  const params = { listed: cov.listed, official, date: formatDate(cov.official.asOf, locale) };
  const part = t(locale, cov.listed >= official ? `all${Tier}` : `some${Tier}`, params);
  const since = cov.since ?? [];
  if (!since.length) return part;
  const names = formatList(
    since.map((c) => cityName(c, locale)),
    locale,
  );
  return `${part}${t(locale, 'plusSince', { names })}`;
}

export function coverageSentence(data: Dataset, locale: Locale): string {
  const cov = coverage(data);
  return t(locale, 'sentence', {
    friendship: tierPart(cov.friendship, 'friendship', locale),
    exchange: tierPart(cov.exchange, 'exchange', locale),
    asOf: formatDate({ date: cov.asOf, precision: 'day' }, locale),
  });
}
