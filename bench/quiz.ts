// Quiz figures with a real SQLite file on disk (a temp dir): answers recorded per second, latency of
// one click through the /quiz command (game checks, scoring, the SQLite write, the reply), memory
// per running game, and the cost of drawing a game's questions.
// Run alone with `npx tsx bench/quiz.ts`; bench/run.ts collects the returned record.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { createApp } from '../src/app/create.js';
import type { App } from '../src/app/app.js';
import type { CommandContext } from '../src/commands/types.js';
import { command as quiz } from '../src/commands/quiz.js';
import { generateQuestions } from '../src/domain/quiz/questions.js';
import type { Scheduler } from '../src/app/quiz-service.js';
import { seededRandom } from '../src/domain/random.js';
import type { Reply } from '../src/reply/reply.js';
import { percentile, round } from './stats.js';

const GAMES = 200;
const CLICKS = 20_000;
/** Clicks in flight at once in the throughput run, as a busy evening of many channels would send. */
const CONCURRENT = 500;
const MEMORY_GAMES = 1000;
const GENERATIONS = 2000;

/** Rounds never end during the bench: every click lands in an open round. */
const frozenScheduler: Scheduler = { set: () => 0, clear: () => {} };

/** A channel that accepts every message and remembers the newest per channel. */
function sink() {
  const latest = new Map<string, Reply>();
  let next = 0;
  return {
    latest,
    port: {
      async send(channelId: string, reply: Reply) {
        latest.set(channelId, reply);
        return { channelId, messageId: String(++next) };
      },
      async edit() {},
    },
  };
}

function context(app: App, userId: string, channelId: string): CommandContext {
  return {
    app,
    locale: 'en',
    userLocale: 'en',
    user: { id: userId, name: `player ${userId}` },
    guildId: 'bench-guild',
    channelId,
    canManageMessages: false,
  };
}

async function startGames(app: App, count: number, prefix: string): Promise<string[]> {
  const channels = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  for (const channelId of channels) {
    await quiz.run({ subcommand: 'start', options: { rounds: 10, seconds: 60 } }, context(app, 'host', channelId));
  }
  return channels;
}

function answerIds(reply: Reply | undefined): string[] {
  return (reply?.actions ?? []).flat().flatMap((a) => (a.type === 'button' ? [a.customId.slice('quiz:'.length)] : []));
}

function heapAfterGc(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export async function benchQuiz(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'youcheng-bench-quiz-'));
  try {
    const app = createApp({ databasePath: join(dir, 'bench.sqlite'), quizScheduler: frozenScheduler, seed: 1 });
    const channel = sink();
    await app.quiz.connect(channel.port);
    const channels = await startGames(app, GAMES, 'latency');
    const buttons = new Map(channels.map((c) => [c, answerIds(channel.latest.get(c))]));

    // One click at a time: the latency a player waits for (our work and the SQLite write).
    const latencies: number[] = [];
    let recorded = 0;
    const t0 = performance.now();
    for (let i = 0; i < CLICKS; i++) {
      const channelId = channels[i % GAMES]!;
      const id = buttons.get(channelId)![i % 4]!;
      const started = performance.now();
      const result = await quiz.component(id, [], context(app, `u${i}`, channelId));
      latencies.push(performance.now() - started);
      if (result.kind === 'reply' && result.reply.content?.startsWith('Answer recorded')) recorded++;
    }
    const oneByOne = recorded / ((performance.now() - t0) / 1000);
    latencies.sort((a, b) => a - b);

    // Many clicks in flight at once: answers saved per second.
    const t1 = performance.now();
    let accepted = 0;
    for (let start = 0; start < CLICKS; start += CONCURRENT) {
      const batch = Array.from({ length: Math.min(CONCURRENT, CLICKS - start) }, (_, k) => {
        const i = start + k;
        const channelId = channels[i % GAMES]!;
        return quiz.component(buttons.get(channelId)![i % 4]!, [], context(app, `v${i}`, channelId));
      });
      for (const result of await Promise.all(batch)) {
        if (result.kind === 'reply' && result.reply.content?.startsWith('Answer recorded')) accepted++;
      }
    }
    const perSecond = accepted / ((performance.now() - t1) / 1000);

    // Memory: the heap a running game holds (its questions, state and scores of 8 players).
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const memoryApp = createApp({ databasePath: join(dir, 'memory.sqlite'), quizScheduler: frozenScheduler, seed: 2 });
    const memorySink = sink();
    await memoryApp.quiz.connect(memorySink.port);
    const heapBefore = heapAfterGc(gc);
    const memoryChannels = await startGames(memoryApp, MEMORY_GAMES, 'memory');
    for (const channelId of memoryChannels) {
      const ids = answerIds(memorySink.latest.get(channelId));
      for (let p = 0; p < 8; p++) await quiz.component(ids[p % 4]!, [], context(memoryApp, `m${p}`, channelId));
    }
    memorySink.latest.clear();
    const perGame = (heapAfterGc(gc) - heapBefore) / MEMORY_GAMES;

    // Drawing a game's questions, as /quiz start does.
    const generation: number[] = [];
    for (let i = 0; i < GENERATIONS; i++) {
      const t0 = performance.now();
      generateQuestions(app.data, seededRandom(i), { rounds: 10, difficulty: 'normal', topic: 'any' });
      generation.push(performance.now() - t0);
    }
    generation.sort((a, b) => a - b);

    app.quiz.close();
    memoryApp.quiz.close();
    return {
      'games running': GAMES,
      'clicks timed one by one': CLICKS,
      'answers recorded (one by one)': recorded,
      'click p50 ms (command → SQLite → reply)': round(percentile(latencies, 0.5), 3),
      'click p99 ms (command → SQLite → reply)': round(percentile(latencies, 0.99), 3),
      'click max ms': round(latencies.at(-1) ?? 0, 3),
      'answers recorded per second (one click at a time)': Math.round(oneByOne),
      [`answers recorded per second (${CONCURRENT} clicks in flight)`]: Math.round(perSecond),
      'memory per running game KB (10 questions, 8 players)': round(perGame / 1024, 1),
      'question generation p50 ms (10 questions)': round(percentile(generation, 0.5), 3),
      'question generation p99 ms (10 questions)': round(percentile(generation, 0.99), 3),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await benchQuiz();
  for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`);
}
