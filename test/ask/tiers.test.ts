// The second audit's tiers in /ask: sister cities counted as of the official list, São Paulo named
// apart, memoranda and district ties shown as what they are and never counted.
import { describe, expect, it } from 'vitest';
import { app } from '../commands/context.js';
import { type AskCase, evaluate } from './evaluate.js';

function answer(q: string, lang: 'en' | 'zh' = 'en'): string {
  const entry: AskCase = { q, lang, must: [], mustNot: [] };
  return evaluate(entry, app()).text.split(/\nSources\n|\n来源\n/)[0]!;
}

describe('/ask and the tiers of the second audit', () => {
  it('counts sister cities as of the official list, and names São Paulo as signed after it', () => {
    const text = answer('How many sister cities does Wuhan have?');
    expect(text).toContain('**28** international friendship (sister) cities on Wuhan’s list of **30 June 2021**.');
    expect(text).toContain(
      'Since that list: **São Paulo** signed a sister-city agreement on 11 November 2025 (agreement).',
    );
    expect(text).not.toMatch(/\b29\b/);
  });

  it('says what a memorandum or a district tie is, hedged where the exchange tier has no full list', () => {
    const kazan = answer('Is Kazan a sister city of Wuhan?');
    expect(kazan).toMatch(
      /^[^\n]*\nNot as far as my sources show: \*\*Kazan\*\* \(Russia\) is a city that has signed only a memorandum or letter of intent with Wuhan/,
    );
    expect(kazan).toContain('I know only 9 of them by name');
    expect(answer('Is Geidorf a sister city of Wuhan?')).toContain(
      'a district abroad tied to one of Wuhan’s districts, not to Wuhan itself',
    );
  });

  it('never counts a memorandum or a district tie among a country’s partners', () => {
    const austria = answer('Which sister cities does Wuhan have in Austria?');
    expect(austria).toContain('Sankt Pölten');
    expect(austria).not.toContain('Graz');
    const czech = answer('Does Wuhan have a sister city in the Czech Republic?');
    expect(czech).not.toMatch(/Jihlava[^\n]*: 2017/);
  });

  it('gives no sum where the source gave none', () => {
    const text = answer('What is the difference between a friendship city and a friendly exchange city?');
    expect(text).toContain('1 September 2016: 22 friendship cities and 70 friendly exchange cities (no total given).');
    expect(text).not.toContain('92');
    expect(text).toContain('Kazan (memorandum only)');
  });
});
