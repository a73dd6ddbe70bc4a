// The /ask answer as a Reply: one card whose description says the answer in the question's language,
// a Sources field with links, and the data's check date in the footer. Each answer kind has its view
// in one of the ask-*.ts files; the registry below is typed over every kind, so a kind without a view
// does not compile.
import type { Dataset } from '../data/types.js';
import { type Answer, type AskResult, closeCities } from '../domain/ask/index.js';
import { sourcesById } from '../domain/facts/sources.js';
import { formatList } from '../i18n/index.js';
import { cityName, countryName } from '../i18n/names.js';
import { t } from './ask.messages.js';
import { type AskView, type AskViews, type Body, makeView, nameWithCountry, passageLines } from './ask-common.js';
import { cooperationViews } from './ask-cooperation.js';
import { countsViews } from './ask-counts.js';
import { datesViews } from './ask-dates.js';
import { sentencesViews } from './ask-sentences.js';
import { bullet, COLORS, fitCard, fitLines, footerText, localText, sanitizeUserText, sourceLines } from './format.js';
import type { Reply } from '../reply/reply.js';

/** Discord's embed description limit is 4,096; leave room so the renderer never has to cut. */
const DESCRIPTION_MAX = 3900;
/** Sources keep at least this much of their field when the card is long. */
const SOURCES_MIN = 300;

const VIEWS: AskViews = { ...datesViews, ...countsViews, ...cooperationViews, ...sentencesViews };

function describe(answer: Answer, view: AskView): Body {
  // The registry pairs each kind with its view; TypeScript cannot follow that pairing through a lookup.
  return (VIEWS[answer.kind] as (answer: Answer, view: AskView) => Body)(answer, view);
}

/** The answer to a question (domain/ask's result) as the card /ask and "Ask Youcheng" send. */
export function answerReply(result: AskResult, data: Dataset): Reply {
  const { locale, answer } = result;
  const body = describe(answer, makeView(data, locale));
  const readings = result.readings.flatMap((r) => {
    const params = {
      typed: sanitizeUserText(r.typed, 40),
      city: cityName(r.city, locale),
      country: countryName(r.city.country, locale),
    };
    if (r.doubt) return [t(locale, 'readGarbledDoubt', params), bullet(localText(r.doubt, locale))];
    return [t(locale, r.as === 'garbled' ? 'readGarbled' : r.as === 'region' ? 'readRegion' : 'readAs', params)];
  });
  const unmatched = result.unmatched.map((u) => {
    const name = sanitizeUserText(u.name, 40);
    const close = closeCities(u.resolution);
    if (close.length)
      return t(locale, 'unmatchedClose', {
        name,
        cities: formatList(
          close.map((c) => nameWithCountry(c, locale)),
          locale,
        ),
      });
    return t(locale, 'unmatched', { name });
  });
  // Sentences of the named partners beside the answer, unless the answer already says them.
  const said = body.lines.join('\n');
  const related = result.related.filter(
    ({ passage }) => !said.includes(locale === 'zh-CN' ? passage.textZh : passage.text),
  );
  const relatedLines = related.length ? ['', t(locale, 'relatedIntro'), ...passageLines(related, locale)] : [];
  // The line's other questions, each under its own heading, after the first one's answer.
  const more = (result.more ?? []).flatMap((other) => {
    const otherBody = describe(other.answer, makeView(data, locale));
    return ['', `**${otherBody.title}**`, ...otherBody.lines];
  });
  const allSources = [...new Set([...result.sources, ...(result.more ?? []).flatMap((r) => r.sources)])];
  const sources = sourceLines(sourcesById(data, allSources), locale);
  const card = fitCard(
    {
      title: body.title,
      description: fitLines(
        [...readings, ...body.lines, ...relatedLines, ...(unmatched.length ? ['', ...unmatched] : []), ...more],
        DESCRIPTION_MAX,
        locale,
      ),
      footer: footerText(data, locale),
      color: body.color ?? COLORS.neutral,
    },
    [{ name: t(locale, 'sources'), lines: sources, minChars: SOURCES_MIN }],
    locale,
  );
  return { cards: [card] };
}
