// The /ask question set: every entry kept in test/fixtures/ask-questions.json must be answered with
// the facts it lists, none of the wrong ones, about the right city, in the question's language.
import { describe, expect, it } from 'vitest';
import { app } from '../commands/context.js';
import { type AskCase, evaluate, loadCases } from './evaluate.js';

const cases = loadCases();

describe('the /ask question set', () => {
  it('has at least 130 questions, at least 45 of them in Chinese, each with facts to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(130);
    expect(cases.filter((c) => c.lang === 'zh').length).toBeGreaterThanOrEqual(45);
    for (const c of cases) expect(c.unknown || c.must.length > 0, c.q).toBe(true);
  });

  const label = (c: AskCase) => `${c.lang}: ${c.q.trim() || '(blank)'}`;
  for (const c of cases) {
    (c.knownGap ? it.skip : it)(label(c), () => {
      const verdict = evaluate(c, app());
      const report = { answer: verdict.text, intent: verdict.result.intent.kind };
      expect(verdict.missing, JSON.stringify(report)).toEqual([]);
      expect(verdict.wrongFacts, JSON.stringify(report)).toEqual([]);
      expect(verdict.wrongCity, `about ${verdict.result.cities[0]?.id}, expected ${c.expectCity}`).toBe(false);
      expect(verdict.wrongLanguage, `answered in ${verdict.result.locale}`).toBe(false);
      expect(verdict.wrongKind, `answer kind ${verdict.result.answer.kind}`).toBe(false);
    });
  }
});
