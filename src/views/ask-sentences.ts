// /ask views: Answers in the data's own sentences (retrieval, people, names, the province) and "I don't know".
import type { City, Dataset } from '../data/types.js';
import type { Answer, NameForm } from '../domain/ask/index.js';
import { formatList, type Locale } from '../i18n/index.js';
import { cityName, countryName } from '../i18n/names.js';
import { t } from './ask.messages.js';
import { bullet, localText, sanitizeUserText } from './format.js';
import { type AskView, type AskViews, type Body, colon, passageLines } from './ask-common.js';

function unknownView(answer: Extract<Answer, { kind: 'unknown' }>, v: AskView): Body {
  const { L, data, locale } = v;
  if (answer.closest.length)
    return { title: L('titleNotSure'), lines: [L('notSure'), ...passageLines(answer.closest, locale)] };
  const lead = answer.reason === 'notUnderstood' ? L('unknown') : L(answer.reason);
  return {
    title: answer.reason === 'empty' || answer.reason === 'noWords' ? L('titleEmpty') : L('titleUnknown'),
    lines: [lead, '', L('examplesIntro'), ...examples(answer.cities, data, locale).map(bullet)],
  };
}

function personView(answer: Extract<Answer, { kind: 'person' }>, v: AskView): Body {
  const { L, name, locale } = v;
  return {
    title: L('titlePerson'),
    lines: [
      L('personIntro', { name: sanitizeUserText(answer.name, 40) }),
      ...answer.notes.map(({ city, note }) =>
        bullet(L('personCityNote', { city: name(city), note: localText(note, locale) })),
      ),
    ],
  };
}

function signatoriesView(answer: Extract<Answer, { kind: 'signatories' }>, v: AskView): Body {
  const { L, locale } = v;
  return { title: L('titleSignatories'), lines: signatoryLines(answer, locale) };
}

function passagesView(answer: Extract<Answer, { kind: 'passages' }>, v: AskView): Body {
  const { L, locale } = v;
  const intro = answer.noFigure ? L('passagesNoFigure') : L('passagesIntro');
  return { title: L('titlePassages'), lines: [intro, ...passageLines(answer.hits, locale)] };
}

function namesView(answer: Extract<Answer, { kind: 'names' }>, v: AskView): Body {
  const { L, locale } = v;
  return {
    title: L('titleNames'),
    lines: answer.cities.flatMap((c, i) => [...(i ? [''] : []), ...nameLines(c, answer.want, locale)]),
  };
}

function peopleView(answer: Extract<Answer, { kind: 'people' }>, v: AskView): Body {
  const { L, name, locale } = v;
  return {
    title: L('titleMayors'),
    lines: answer.perCity.flatMap(({ city, notes }, i) => [
      ...(i ? [''] : []),
      ...(answer.today ? [L('mayorToday', { city: name(city) })] : []),
      ...(notes.length
        ? [L('mayorIntro', { city: name(city) }), ...notes.map((n) => bullet(localText(n, locale)))]
        : [L('mayorNone', { city: name(city) })]),
    ]),
  };
}

function provinceView(answer: Extract<Answer, { kind: 'province' }>, v: AskView): Body {
  const { L, name, totalNote, locale } = v;
  return {
    title: L('titleProvince'),
    lines: [
      L('provinceIntro'),
      ...answer.rows.map((row) => bullet(totalNote(row))),
      ...answer.notes.map(({ city, note }) =>
        bullet(L('passageLine', { city: name(city), text: localText(note, locale) })),
      ),
    ],
  };
}

/** A partner's names: the form asked for first (Chinese, English or its own), then the others. */
function nameLines(city: City, want: NameForm | null, locale: Locale): string[] {
  const shown = (kinds: string[]) => [
    ...new Set(city.aliases.filter((a) => kinds.includes(a.kind)).map((a) => a.text)),
  ];
  const en = city.names.en;
  const zhOthers = shown(['zh']).filter((z) => z !== city.names.zh);
  const zh = city.names.zh
    ? [
        t(locale, 'namesZh', { city: en, zh: city.names.zh }),
        ...(zhOthers.length ? [t(locale, 'namesZhOther', { forms: formatList(zhOthers, locale) })] : []),
      ]
    : [
        t(locale, 'namesZhNone', { city: en }),
        // A transliteration seen without a source is shown as such, never as the city's Chinese name.
        ...(shown(['unverified-zh']).length
          ? [t(locale, 'namesZhUnverified', { forms: formatList(shown(['unverified-zh']), locale) })]
          : []),
      ];
  const native =
    city.names.native !== en || city.names.nativeLatin || want === 'native'
      ? [
          t(locale, 'namesNative', {
            native: city.names.native,
            latin: city.names.nativeLatin
              ? locale === 'zh-CN'
                ? `（${city.names.nativeLatin}）`
                : ` (${city.names.nativeLatin})`
              : '',
          }),
        ]
      : [];
  const english = [
    t(locale, 'namesEn', { en }),
    t(locale, 'namesCountry', { country: countryName(city.country, locale) }),
  ];
  const local = shown(['local']).filter((l) => l !== city.names.native);
  const locally = local.length ? [t(locale, 'namesLocal', { forms: formatList(local, locale) })] : [];
  const old = shown(['old', 'language']);
  const rest = old.length ? [t(locale, 'namesOld', { forms: formatList(old, locale) })] : [];
  if (want === 'en') return [...english, ...native, ...zh, ...rest];
  if (want === 'native') return [...(native.length ? native : english), ...locally, ...zh, ...rest];
  if (want === 'article') {
    const garbled = shown(['garbled']);
    return [
      garbled.length
        ? t(locale, 'namesGarbled', { city: cityName(city, locale), forms: formatList(garbled, locale) })
        : t(locale, 'namesGarbledNone', { city: cityName(city, locale) }),
      ...zh,
      ...english,
    ];
  }
  return [...zh, ...english, ...native, ...rest];
}

function signatoryLines(answer: Extract<Answer, { kind: 'signatories' }>, locale: Locale): string[] {
  const name = (city: City) => cityName(city, locale);
  if (!answer.named) {
    if (!answer.perCity.length) return [t(locale, 'signatoriesNoneAtAll')];
    return [
      t(locale, 'signatoriesAll'),
      ...answer.perCity.map(({ city, notes }) =>
        bullet(
          `**${name(city)}**${colon(locale)}${notes.map((n) => localText(n, locale)).join(locale === 'zh-CN' ? '' : ' ')}`,
        ),
      ),
      t(locale, 'signatoriesOthers'),
    ];
  }
  return answer.perCity.flatMap(({ city, notes, person }, i) => [
    ...(i ? [''] : []),
    ...(notes.length
      ? [
          t(locale, 'signatoriesIntro', { city: name(city) }),
          ...notes.map((n) => bullet(localText(n, locale))),
          // "The two mayors signed": who they were is not recorded, and the reply says so.
          ...(person ? [] : [t(locale, 'signatoriesUnnamed')]),
        ]
      : [t(locale, 'signatoriesNone', { city: name(city) })]),
  ]);
}

/** Example questions; when the user named a city, the city-specific ones use it. */
function examples(cities: City[], data: Dataset, locale: Locale): string[] {
  const city = cities[0] ?? data.cities.find((c) => c.id === 'duisburg') ?? data.cities[0];
  const coop = cities[0] ?? data.cities.find((c) => c.id === 'bordeaux') ?? city;
  const name = city ? cityName(city, locale) : '';
  return [
    t(locale, 'exampleCount'),
    ...(city ? [t(locale, 'exampleWhen', { city: name })] : []),
    t(locale, 'exampleCountry'),
    t(locale, 'exampleFirst'),
    ...(coop ? [t(locale, 'exampleCooperation', { city: cityName(coop, locale) })] : []),
    t(locale, 'exampleStatus'),
    t(locale, 'exampleTiers'),
  ];
}

/** The views of this file's answer kinds, for the registry in ./ask.ts. */
export const sentencesViews = {
  unknown: unknownView,
  person: personView,
  signatories: signatoriesView,
  passages: passagesView,
  names: namesView,
  people: peopleView,
  province: provinceView,
} satisfies Partial<AskViews>;
