// /ask on hostile or odd input: never a crash, never a mention, always inside Discord's limits, and
// the answer's language follows the question's script.
import { describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/domain/ask/index.js';
import { LIMITS, toMessageBody } from '../../src/render/discord.js';
import { askReply } from '../../src/views/ask.js';
import { app, embedLength } from '../commands/context.js';
import { visibleText } from './evaluate.js';

const ask = (question: unknown, locale: 'en' | 'zh-CN' = 'en') =>
  askQuestion(question, { data: app().data, resolver: app().resolver, now: app().now() }, locale);

function withinLimits(question: unknown, locale: 'en' | 'zh-CN' = 'en'): string {
  const body = toMessageBody(askReply(app(), question, locale));
  expect(body.allowed_mentions).toEqual({ parse: [] });
  for (const embed of body.embeds) {
    expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
    for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  }
  return visibleText(askReply(app(), question, locale)).text;
}

describe('/ask on bad input', () => {
  const hostile: [string, unknown][] = [
    ['empty', ''],
    ['blank', ' \n\t '],
    ['6,000 characters', 'a'.repeat(6000)],
    ['6,000 characters of Chinese', '武'.repeat(6000)],
    ['a long question with a city at the start', `When did Duisburg twin with Wuhan? ${'x '.repeat(3000)}`],
    ['emoji only', '🎉🔥💯'],
    ['zero-width characters only', '\u200b\u200c\u200d\ufeff'],
    ['@everyone', '@everyone @here'],
    ['a role mention', '<@&123456789012345678> how many?'],
    ['SQL', "'; DROP TABLE cities; --"],
    ['markdown and a link', '**[click](https://evil.example)** is http://x.y a sister city of Wuhan?'],
    ['a number', 42],
    ['undefined', undefined],
    ['an object', { question: 'Duisburg' }],
    ['control characters', '\u0000\u0007\u001b[31m'],
  ];
  for (const [name, question] of hostile) {
    it(`answers ${name} without throwing, inside Discord's limits`, () => {
      expect(() => withinLimits(question)).not.toThrow();
      expect(() => withinLimits(question, 'zh-CN')).not.toThrow();
    });
  }

  it('says the question was empty, with examples, when nothing is left', () => {
    for (const question of ['', '\u200b\ufeff', '@everyone']) {
      const result = ask(question);
      expect(result.answer).toMatchObject({ kind: 'unknown', reason: 'empty' });
      expect(withinLimits(question)).toContain('How many sister cities does Wuhan have?');
    }
  });

  it('asks for words, with examples, when only emoji or punctuation is typed', () => {
    for (const question of ['🎉🔥💯', '🙂', '?!']) {
      const result = ask(question);
      expect(result.answer).toMatchObject({ kind: 'unknown', reason: 'noWords' });
      const text = withinLimits(question);
      expect(text).toContain('I can only read questions in words');
      expect(text).not.toContain('empty');
      expect(text).toContain('How many sister cities does Wuhan have?');
    }
  });

  it('never echoes a mass mention or a link the user typed', () => {
    const text = withinLimits('Is @everyone a sister city of Wuhan? Is [Paris](https://evil.example) one?');
    expect(text).not.toContain('@everyone');
    expect(text).not.toContain('evil.example');
  });

  it('reads a city name with zero-width characters inside it', () => {
    const result = ask('When did Wuhan and Duis\u200bburg become sister cities?');
    expect(result.cities[0]?.id).toBe('duisburg');
  });

  it('keeps only the first 400 characters of a pasted wall of text', () => {
    const result = ask(`${'blah '.repeat(100)} When did Duisburg twin with Wuhan?`);
    expect(result.cities).toEqual([]);
  });
});

describe('/ask answer language', () => {
  it('answers a question in Chinese script in Chinese, whatever the user’s locale', () => {
    expect(ask('武汉有多少个国际友好城市？', 'en').locale).toBe('zh-CN');
    expect(withinLimits('武汉有多少个国际友好城市？', 'en')).toContain('国际友好城市');
  });

  it('answers a question in Latin script in English, whatever the user’s locale', () => {
    expect(ask('How many sister cities does Wuhan have?', 'zh-CN').locale).toBe('en');
  });

  it('follows the locale when the script says nothing (emoji, digits)', () => {
    expect(ask('🎉', 'zh-CN').locale).toBe('zh-CN');
    expect(ask('111?', 'zh-CN').locale).toBe('zh-CN');
    expect(ask('111?', 'en').locale).toBe('en');
  });

  it('follows the locale for a bare name, which is in no language', () => {
    expect(ask('Duisburg', 'zh-CN').locale).toBe('zh-CN');
    expect(withinLimits('Kiev', 'zh-CN')).toContain('基辅');
    expect(ask('Duisburg', 'en').locale).toBe('en');
    expect(ask('Tell me about Duisburg', 'zh-CN').locale).toBe('en');
  });

  it('answers a mixed question with Chinese characters in Chinese', () => {
    const text = withinLimits('Duisburg和武汉什么时候结好？');
    expect(text).toContain('1982年10月8日');
  });
});

describe('/ask answers', () => {
  it('name their sources with links, and totals name the date they refer to', () => {
    const text = withinLimits('How many sister cities does Wuhan have?');
    expect(text).toMatch(/\[[^\]]+\]\(https?:\/\/[^)]+\)/);
    expect(text).toContain('30 June 2021');
    expect(text).toContain('17 April 2019');
  });

  it('say which spelling they read a misspelt city as', () => {
    expect(withinLimits('When did Wuhan twin with Duisberg?')).toContain('I read “Duisberg” as **Duisburg**.');
  });

  it('offer a close partner only as "did you mean", never as the answer', () => {
    const text = withinLimits('Is Sankt a sister city of Wuhan?');
    expect(text).toContain('Did you mean **Sankt Pölten** (Austria)?');
    expect(text).not.toContain('2005');
  });

  it('say a place is no partner, naming no partner, when nothing on the list is close', () => {
    const result = ask('Is Konstanz a sister city of Wuhan?');
    expect(result.answer).toMatchObject({ kind: 'notPartner', name: 'Konstanz', suggestions: [] });
    const text = withinLimits('Is Konstanz a sister city of Wuhan?');
    expect(text).toContain('**Konstanz** is not one of Wuhan’s partner cities in my data');
    // The exchange tier has no full list: the answer says how little of it is known instead of a bare "No".
    expect(text).toContain('I know only 9 of them by name');
    expect(text).not.toContain('No.');
  });

  it('never drop a place that is no partner, whatever the question asks', () => {
    for (const question of [
      'What do Wuhan and Paris work on together?',
      'Which landmarks in Paris are named after Wuhan?',
      'How far is Paris from Wuhan?',
      '武汉和巴黎有哪些合作？',
    ]) {
      expect(ask(question).answer, question).toMatchObject({ kind: 'notPartner' });
    }
    const beside = ask('What do Duisburg and Paris work on together?');
    expect(beside.answer).toMatchObject({ kind: 'cooperation' });
    expect(beside.unmatched.map((u) => u.name)).toEqual(['Paris']);
    expect(withinLimits('What do Duisburg and Paris work on together?')).toContain(
      '**Paris** is not one of Wuhan’s partner cities in my data.',
    );
  });

  it('take neither question words nor people for places', () => {
    for (const question of [
      'Whats the first sister city',
      'Which sister cities were established before 1990?',
      'Did Josef Krings sign the Duisburg agreement?',
      "'; DROP TABLE cities; --",
    ]) {
      expect(ask(question).unmatched, question).toEqual([]);
      expect(ask(question).answer.kind, question).not.toBe('notPartner');
    }
  });

  it('read country names in lower case, and "us" as the United States only where it is one', () => {
    const scopeOf = (question: string) => {
      const intent = ask(question).intent;
      return intent.kind === 'list' ? intent.scope.country?.code : undefined;
    };
    expect(scopeOf('how many sister cities in uk')).toBe('GB');
    expect(scopeOf('how many sister cities does wuhan have in the us')).toBe('US');
    expect(scopeOf('how many sister cities are in us')).toBe('US');
    expect(scopeOf('sister cities in the U.S.?')).toBe('US');
    expect(scopeOf('which sister cities are in usa')).toBe('US');
    expect(ask('tell us about Duisburg').answer.kind).toBe('city');
    expect(scopeOf('can you tell us which sister cities are in germany')).toBe('DE');
  });

  it('hedge an exchange city’s tier wherever it is shown, citing why', () => {
    for (const question of [
      'Is St. Louis a sister city of Wuhan?',
      'Tell me about St. Louis',
      'When did Wuhan and St. Louis become partners?',
      'Is St. Louis in Canada?',
    ]) {
      const result = ask(question);
      expect(withinLimits(question), question).toContain('probably at the friendly-exchange level');
      // The hedge's sources: St. Louis's own page and the 2014 release naming Pittsburgh the only US sister city.
      expect(result.sources, question).toEqual(expect.arrayContaining(['st-louis-wtc', 'S68']));
    }
    expect(withinLimits('Is St. Louis a sister city of Wuhan?')).not.toMatch(
      /St\. Louis\*\* \(United States\) is a friendly exchange city/,
    );
  });

  it('say a garbled name is only probably a partner when the data is unsure, with the reason', () => {
    const text = withinLimits('is Esson in Sweden?');
    expect(text).toContain(
      '“Esson” in the machine-translated 2019 article is probably **Essonne** (France), but that is not certain:',
    );
    expect(text).toContain('Borlänge');
    expect(ask('is Esson in Sweden?').sources).toContain('S1');
  });

  it('name who signed only from the data, with its sources, and say when the data does not', () => {
    const duisburg = ask('Who signed the Duisburg agreement?');
    expect(duisburg.answer.kind).toBe('signatories');
    expect(withinLimits('Who signed the Duisburg agreement?')).toContain('Josef Krings');
    expect(duisburg.sources).toEqual(expect.arrayContaining(['S9', 'S10']));
    expect(withinLimits('Who signed the Bordeaux agreement?')).toContain(
      'My data doesn’t record who signed the tie between Wuhan and **Bordeaux**.',
    );
  });

  it('give great-circle distances from the coordinates, and say when a partner has none', () => {
    const result = ask('How far is Duisburg from Wuhan?');
    expect(result.answer).toMatchObject({ kind: 'distance', named: [{ km: expect.closeTo(8487, 0) }] });
    expect(result.sources).toEqual(expect.arrayContaining(['geonames-2934691']));
    expect(withinLimits('How far is Essonne from Wuhan?')).toContain('My data has no coordinates for **Essonne**');
  });

  it('explain a machine-translated name from the 2019 article', () => {
    expect(withinLimits('When did Dacha become a sister city of Wuhan?')).toContain(
      '“Dacha” is how the machine-translated 2019 article wrote **Ōita**.',
    );
  });

  it('state both dates where the sources disagree', () => {
    const text = withinLimits('When did Kópavogur become a sister city of Wuhan?');
    expect(text).toContain('2007');
    expect(text).toContain('26 April 2008');
  });

  it('say what is known when no source dates a tie', () => {
    const text = withinLimits('When did Bishkek become a sister city of Wuhan?');
    expect(text).toContain('No source gives the date');
    expect(text).not.toMatch(
      /Bishkek\*\* \(Kyrgyzstan\) became one of Wuhan’s international friendship \(sister\) cities (on|in) /,
    );
  });

  it('count years from the injected clock', () => {
    const late = { data: app().data, resolver: app().resolver, now: new Date('2032-10-09T00:00:00Z') };
    const result = askQuestion('How long has Wuhan been twinned with Duisburg?', late, 'en');
    expect(result.answer).toMatchObject({ kind: 'established' });
    if (result.answer.kind === 'established') expect(result.answer.dates[0]?.span?.years).toBe(50);
  });
});
