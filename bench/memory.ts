// Memory and start-up of the compiled bot as production runs it (`npm start`'s command line, plain
// node over dist/), against the fake Discord on 127.0.0.1: start → ready, RSS once ready, RSS after
// it has drawn every image (each city's map, /map and /timeline, in both languages), and the same
// for the HTTP transport after 300 /city and 50 /map. Also the size of a production install
// (dependencies without devDependencies, from the lockfile) and `npm run ask` compiled vs tsx.
// Run alone with `npx tsx bench/memory.ts` (after `npm run build`); bench/run.ts collects it.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../src/data/load.js';
import { BotProcess, REPO_ROOT, startBot, temporaryDatabasePath } from '../test/fake-discord/bot.js';
import { chatInputPayload } from '../test/fake-discord/payloads.js';
import { startFakeDiscord } from '../test/fake-discord/server.js';
import { createSigner } from '../test/http/sign.js';
import { percentile } from './stats.js';

const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;

/** VmRSS and VmHWM (peak) of a Linux process in MB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rss: mb(kb('VmRSS')), peak: mb(kb('VmHWM')) };
}

function sizeOf(path: string, skipNodeModules: boolean): number {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const name of readdirSync(path)) {
    if (skipNodeModules && name === 'node_modules') continue; // nested packages are lockfile entries of their own
    total += sizeOf(join(path, name), skipNodeModules);
  }
  return total;
}

/** Bytes a `npm ci --omit=dev` install takes: every non-dev lockfile package present here, plus dist/, assets/ and data/. */
export function productionInstallBytes(): { dependencies: number; app: number } {
  const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; optional?: boolean }>;
  };
  let dependencies = 0;
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.startsWith('node_modules/') || entry.dev) continue;
    const directory = join(REPO_ROOT, path);
    if (existsSync(directory)) dependencies += sizeOf(directory, true);
  }
  const app = ['dist', 'assets', 'data', 'package.json'].reduce((sum, p) => sum + sizeOf(join(REPO_ROOT, p), false), 0);
  return { dependencies, app };
}

/** Wall time (s) and peak RSS (MB) of a command, medians of `runs`, via /usr/bin/time. */
function timed(command: string[], runs = 5): { seconds: number; peak: number } {
  const seconds: number[] = [];
  const peaks: number[] = [];
  for (let i = 0; i < runs; i++) {
    const result = spawnSync('/usr/bin/time', ['-f', '%e %M', ...command], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_PATH: ':memory:', NO_COLOR: '1' },
    });
    const [wall, kb] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    seconds.push(wall!);
    peaks.push(kb!);
  }
  const median = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      0.5,
    );
  return { seconds: median(seconds), peak: mb(median(peaks)) };
}

export async function benchMemory(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  const cities = loadDataset().cities;
  const discord = await startFakeDiscord({ callbackTimeoutMs: 20_000 });
  try {
    const bootStart = performance.now();
    const bot = await startBot(discord, { via: 'node' });
    figures['gateway: start → ready (ms, node dist/index.js)'] = Math.round(performance.now() - bootStart);
    figures['gateway: RSS after ready (MB)'] = memoryOf(bot.pid).rss;
    for (const locale of ['en-US', 'zh-CN']) {
      await (await discord.dispatchInteraction(chatInputPayload('map', {}, { locale }))).answer(20_000);
      await (await discord.dispatchInteraction(chatInputPayload('timeline', {}, { locale }))).answer(20_000);
      for (const city of cities)
        await (await discord.dispatchInteraction(chatInputPayload('city', { name: city.id }, { locale }))).answer(
          20_000,
        );
    }
    const warm = memoryOf(bot.pid);
    figures['gateway: RSS after every image drawn once (MB)'] = warm.rss;
    figures['gateway: peak RSS so far (MB)'] = warm.peak;
    await bot.stop();
  } finally {
    await discord.close();
  }

  const signer = createSigner();
  const http = await startFakeDiscord({ callbackTimeoutMs: 20_000 });
  try {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const server = new BotProcess(http, temporaryDatabasePath(), {
      script: 'start:http',
      via: 'node',
      env: { PORT: String(port), DISCORD_PUBLIC_KEY: signer.publicKeyHex },
    });
    await server.waitForLine(/"msg":"listening"/, 60_000);
    figures['http: RSS listening (MB)'] = memoryOf(server.pid).rss;
    const url = `http://127.0.0.1:${port}/interactions`;
    for (let i = 0; i < 350; i++) {
      const payload =
        i % 7 === 6 ? chatInputPayload('map', {}) : chatInputPayload('city', { name: cities[i % cities.length]!.id });
      const { exchange } = await http.deliver(url, payload, (body) => signer.headers(body));
      await exchange.waitFor((e) => e.kind === 'edit', 'the image', 20_000).catch(() => undefined);
    }
    const after = memoryOf(server.pid);
    figures['http: RSS after 300 /city + 50 /map (MB)'] = after.rss;
    figures['http: peak RSS (MB)'] = after.peak;
    await server.stop();
  } finally {
    await http.close();
  }

  const install = productionInstallBytes();
  figures['production install: dependencies (MB)'] = mb(install.dependencies / 1024);
  figures['production install: dist + assets + data (MB)'] = mb(install.app / 1024);

  const compiled = timed(['node', 'dist/console/main.js', '/count']);
  const transpiled = timed(['node', '--import', 'tsx', 'src/console/main.ts', '/count']);
  figures['ask "/count": wall (s) compiled / tsx'] = `${compiled.seconds} / ${transpiled.seconds}`;
  figures['ask "/count": peak RSS (MB) compiled / tsx'] = `${compiled.peak} / ${transpiled.peak}`;
  return figures;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await benchMemory();
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(width)}  ${value}`);
  process.exit(0);
}
