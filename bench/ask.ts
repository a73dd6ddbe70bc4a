// /ask figures on the real dataset: accuracy on test/fixtures/ask-questions.json, wrong facts (a
// mustNot string in the answer), answers about the wrong city, and latency of our own work per
// question (question → intent → answer; and with the reply and Discord body built).
// Run alone with `npx tsx bench/ask.ts`; bench/run.ts collects the returned record.
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app/create.js';
import { askQuestion } from '../src/domain/ask/index.js';
import { toMessageBody } from '../src/render/discord.js';
import { answerReply } from '../src/views/ask.js';
import { evaluate, loadCases } from '../test/ask/evaluate.js';
import { latency, round } from './stats.js';

/** The clock the fixture's "N years ago" facts assume. */
const NOW = new Date('2026-11-27T12:00:00Z');

export async function benchAsk(): Promise<Record<string, number | string>> {
  const app = createApp({ now: () => NOW });
  const cases = loadCases();
  const verdicts = cases.map((entry) => ({ entry, verdict: evaluate(entry, app) }));
  const passed = verdicts.filter(({ verdict }) => verdict.ok).length;
  const failures = verdicts
    .filter(({ verdict }) => !verdict.ok)
    .map(({ entry, verdict }) => {
      const why = [
        ...verdict.missing.map((m) => `missing ${JSON.stringify(m)}`),
        ...verdict.wrongFacts.map((m) => `wrong ${JSON.stringify(m)}`),
        ...(verdict.wrongCity ? [`about ${verdict.result.cities[0]?.id ?? 'no city'}`] : []),
        ...(verdict.wrongLanguage ? ['wrong language'] : []),
        ...(verdict.wrongKind ? [`answered as ${verdict.result.answer.kind}`] : []),
      ];
      return `${JSON.stringify(entry.q)}${entry.knownGap ? ' (known gap)' : ''}: ${why.join(', ')}`;
    });

  const deps = { data: app.data, resolver: app.resolver, now: NOW };
  const questions = cases.map((c) => c.q);
  const domain = latency(questions, (q) => askQuestion(q, deps, 'en'));
  const full = latency(questions, (q) => toMessageBody(answerReply(askQuestion(q, deps, 'en'), app.data)));

  return {
    questions: cases.length,
    'in Chinese': cases.filter((c) => c.lang === 'zh').length,
    'known gaps': cases.filter((c) => c.knownGap).length,
    'accuracy %': Math.round((passed / cases.length) * 10_000) / 100,
    'wrong facts (answers with a mustNot fact)': verdicts.filter(({ verdict }) => verdict.wrongFacts.length > 0).length,
    'answers about the wrong city': verdicts.filter(({ verdict }) => verdict.wrongCity).length,
    'answers in the wrong language': verdicts.filter(({ verdict }) => verdict.wrongLanguage).length,
    'ask p50 ms (question → answer)': round(domain.p50, 4),
    'ask p99 ms (question → answer)': round(domain.p99, 4),
    'reply p50 ms (… → Discord body)': round(full.p50, 4),
    'reply p99 ms (… → Discord body)': round(full.p99, 4),
    failures: failures.join('; ') || '(none)',
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await benchAsk();
  for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`);
}
