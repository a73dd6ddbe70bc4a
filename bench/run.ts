// `npm run bench`: every figure the issues ask for, printed as a table per area. Figures are
// measured here and reported in closing notes; tests never assert timings.
import { benchAsk } from './ask.js';
import { benchImages } from './images.js';
import { benchMemory } from './memory.js';
import { benchQuiz } from './quiz.js';
import { benchResolver } from './resolver.js';
import { benchSharedDatabase } from './shared-db.js';
import { benchStartup } from './startup.js';

type Figures = Record<string, number | string>;

function print(title: string, figures: Figures): void {
  console.log(`\n${title}`);
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(width)}  ${value}`);
}

// Start-up first, while the process is still cold, so its RSS is the one a fresh bot has.
const sections: [string, () => Promise<Figures>][] = [
  ['Start-up', benchStartup],
  ['Resolver (test/fixtures/resolver-queries.json)', () => benchResolver()],
  ['/ask (test/fixtures/ask-questions.json)', benchAsk],
  ['Quiz (SQLite file on disk)', benchQuiz],
  ['Quiz answers with one or two processes on one database (SQLite, PostgreSQL)', benchSharedDatabase],
  ['Images (/map, /city, /timeline)', benchImages],
  ['Memory: the compiled bot as a process (node dist/, fake Discord on 127.0.0.1)', benchMemory],
];

console.log(`Youcheng bench · Node ${process.version} · ${new Date().toISOString()}`);
for (const [title, run] of sections) print(title, await run());
