// One bot process of the shared-database bench (bench/shared-db.ts): opens the quiz on DATABASE_URL
// (PostgreSQL) or DATABASE_PATH (SQLite), starts its games, says "ready", waits for "go" on stdin,
// then sends CLICKS answer clicks through the /quiz command with IN_FLIGHT at once and prints
// {"accepted":n,"ms":t} as one JSON line.
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app/create.js';
import { answerIds, clickInBatches, frozenScheduler, sink, startGames } from './quiz.js';

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
const accepted = await clickInBatches(app, channels, buttons, { clicks, inFlight, userPrefix: `${name}-u` });
process.stdout.write(`${JSON.stringify({ accepted, ms: performance.now() - started })}\n`);
await app.quiz.close();
process.exit(0);
