// One bot process of the shared-database bench (bench/shared-db.ts): opens the quiz on DATABASE_URL
// (PostgreSQL) or DATABASE_PATH (SQLite), starts its games, says "ready", waits for "go" on stdin,
// then sends CLICKS answer clicks through the /quiz command with IN_FLIGHT at once and prints
// {"accepted":n,"ms":t} as one JSON line.
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app/create.js';
import { command as quiz } from '../src/commands/quiz.js';
import { answerIds, context, frozenScheduler, sink, startGames } from './quiz.js';

const games = Number(process.env.GAMES ?? 100);
const clicks = Number(process.env.CLICKS ?? 10_000);
const inFlight = Number(process.env.IN_FLIGHT ?? 200);
const name = process.env.WORKER ?? 'w';

const app = createApp({
  databasePath: process.env.DATABASE_PATH ?? 'var/bench.sqlite',
  ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
  quizScheduler: frozenScheduler,
  seed: Number(process.env.SEED ?? 1),
});
const channel = sink();
await app.quiz.connect(channel.port);
const channels = await startGames(app, games, `${name}-channel`);
const buttons = new Map(channels.map((c) => [c, answerIds(channel.latest.get(c))]));
process.stdout.write('ready\n');
const input = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => input.once('line', () => resolve()));
input.close();

const started = performance.now();
let accepted = 0;
for (let first = 0; first < clicks; first += inFlight) {
  const batch = Array.from({ length: Math.min(inFlight, clicks - first) }, (_, k) => {
    const i = first + k;
    const channelId = channels[i % games]!;
    return quiz.component(buttons.get(channelId)![i % 4]!, [], context(app, `${name}-u${i}`, channelId));
  });
  for (const result of await Promise.all(batch)) {
    if (result.kind === 'reply' && result.reply.content?.startsWith('Answer recorded')) accepted++;
  }
}
process.stdout.write(`${JSON.stringify({ accepted, ms: performance.now() - started })}\n`);
await app.quiz.close();
process.exit(0);
