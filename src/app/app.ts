// Everything a command needs, built once at start. Front ends (Discord, HTTP, console) share one App.
import type { Dataset } from '../data/types.js';
import type { Random } from '../domain/random.js';
import type { Resolver } from '../domain/resolution.js';
import type { ShardFigures } from '../views/about.js';
import type { QuizService } from './quiz-service.js';

export interface App {
  data: Dataset;
  resolver: Resolver;
  /** package.json version. */
  version: string;
  /** Injected so tests can fix "now" (years of friendship, leaderboard windows). */
  now(): Date;
  /** Seeded with --seed N in the console and in tests; Math.random otherwise. */
  random: Random;
  /**
   * Quiz games, stats and leaderboards over the SQLite database (opened on first use). A front end
   * that can post messages calls `quiz.connect(port)` once at start.
   */
  quiz: QuizService;
  /**
   * Set by the gateway front end when the bot runs as several shards: every shard's figures,
   * gathered through discord.js's sharding manager. Absent otherwise.
   */
  shardFigures?: () => Promise<ShardFigures[]>;
}
