// `npm run bench:e2e`: the running bot under a bounded load on loopback. Starts the fake Discord
// (test/fake-discord) with 100 servers and the bot as a separate process pointed at it, sends
// 3,000 interactions (commands, autocomplete, /ask in both languages, button clicks) with at most
// 50 in flight, then 500 one at a time, and requires every one to be acknowledged within Discord's
// 3 seconds.
// Prints interactions per second, the bot's latency from dispatch to callback (p50/p99/max, as the
// fake Discord measures it: gateway frame sent → callback request received) and the bot's RSS.
// Run alone with `npm run bench:e2e`; bench/run.ts may collect the returned record.
// `npm run bench:e2e -- --shards 2` runs the bot as `npm run start:sharded` with two shard processes
// (guilds split between them by Discord's formula); CPU and RSS are then summed over the processes,
// and the peak RSS of each process (manager, every shard) is printed too.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { InteractionType, type APIInteraction } from 'discord-api-types/v10';
import { loadDataset } from '../src/data/load.js';
import { startBot, type BotProcess } from '../test/fake-discord/bot.js';
import { autocompletePayload, chatInputPayload } from '../test/fake-discord/payloads.js';
import { snowflake, startFakeDiscord, type Exchange, type FakeGuild } from '../test/fake-discord/server.js';
import { buttonPayload, fakeMessage } from '../test/helpers/discord.js';
import { percentile } from './stats.js';

const GUILDS = 100;
const INTERACTIONS = 3000;
const WARM_UP = 300;
const IN_FLIGHT = 50;
/** Then one at a time, for the latency of the bot's own work without queueing. */
const SEQUENTIAL = 500;
/** The whole run must finish within this, or the bench fails instead of hanging. */
const TIME_LIMIT_MS = 120_000;
/** How long to wait for an interaction that Discord has already refused as late. */
const LATE_GIVE_UP_MS = 10_000;
/** A sharded bot: how long its processes may take to finish their start-up work (image warm-up). */
const SETTLE_LIMIT_MS = 60_000;

const QUESTIONS = [
  { text: 'How many sister cities does Wuhan have?', locale: 'en-US' },
  { text: 'When did Wuhan and Duisburg become sister cities?', locale: 'en-US' },
  { text: '武汉有多少个友好城市？', locale: 'zh-CN' },
  { text: '武汉和杜伊斯堡什么时候结为友好城市？', locale: 'zh-CN' },
];

/** VmRSS (now) and VmHWM (peak) of a Linux process, in MB. */
function memoryOf(pid: number): { rss: number | string; peak: number | string } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    const mb = (n: number) => Math.round((n / 1024) * 10) / 10;
    return { rss: mb(kb('VmRSS')), peak: mb(kb('VmHWM')) };
  } catch {
    return { rss: 'n/a (no /proc)', peak: 'n/a (no /proc)' };
  }
}

/** The i-th interaction of the mix: who, where, and what. */
function makeInteraction(i: number, guilds: Required<FakeGuild>[], cityNames: string[]): APIInteraction {
  const guild = guilds[i % guilds.length]!;
  const zh = guild.locale === 'zh-CN';
  const opts = {
    guildId: guild.id,
    channelId: guild.channelIds[0]!,
    guildLocale: guild.locale,
    locale: zh ? 'zh-CN' : 'en-US',
    userId: `14000000000000${String(i % 5000).padStart(5, '0')}`,
    username: `player${i % 5000}`,
  };
  const city = cityNames[i % cityNames.length]!;
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
    case 3:
      return chatInputPayload('city', { name: city }, opts);
    case 4:
    case 5:
      return autocompletePayload('city', 'name', { name: city.slice(0, 1 + (i % 4)) }, opts);
    case 6:
      return chatInputPayload(i % 20 < 10 ? 'count' : 'timeline', {}, opts);
    case 7: {
      const question = QUESTIONS[i % QUESTIONS.length]!;
      return chatInputPayload('ask', { question: question.text }, { ...opts, locale: question.locale });
    }
    case 8:
      return chatInputPayload('country', { name: zh ? '德国' : 'Germany' }, opts);
    default: {
      // ▶ on a /timeline message the bot posted earlier.
      const message = fakeMessage({
        channel_id: opts.channelId,
        components: [{ type: 1, components: [{ type: 2, style: 2, label: '▶', custom_id: 'timeline:p:::2' }] }],
      } as never);
      return buttonPayload('timeline:p:::2', { ...opts, message });
    }
  }
}

/** "/city", "autocomplete /city", "button timeline:…": how the figures are grouped. */
function kindOf(payload: APIInteraction): string {
  const data = payload.data as { name?: string; custom_id?: string } | undefined;
  if (payload.type === InteractionType.ApplicationCommandAutocomplete) return `autocomplete /${data?.name}`;
  if (payload.type === InteractionType.MessageComponent) return `button ${data?.custom_id?.split(':')[0]}`;
  return `/${data?.name}`;
}

/** CPU seconds (user + system) a Linux process has used so far; undefined without /proc. */
function cpuSecondsOf(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces) start at the 3rd; utime and stime are the 14th and 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/** `pid` and its descendants (a sharded bot: the manager and its shard processes). */
function processTree(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    return [pid, ...children.flatMap(processTree)];
  } catch {
    return [pid];
  }
}

/** CPU seconds of a process tree, or undefined without /proc. */
function treeCpuSeconds(pid: number): number | undefined {
  const each = processTree(pid).map(cpuSecondsOf);
  return each.some((s) => s === undefined) ? undefined : each.reduce((a, b) => a! + b!, 0);
}

/** RSS of a process tree in MB (sum of the processes), or the single process's figures. */
function treeMemory(pid: number): { rss: number | string; peak: number | string } {
  const each = processTree(pid).map(memoryOf);
  const sum = (key: 'rss' | 'peak') =>
    each.every((m) => typeof m[key] === 'number')
      ? Math.round(each.reduce((n, m) => n + (m[key] as number), 0) * 10) / 10
      : each[0]![key];
  return { rss: sum('rss'), peak: sum('peak') };
}

/** Waits (up to `limitMs`) until a process tree uses under a tenth of a core over a second. */
async function settle(pid: number, limitMs: number): Promise<void> {
  const until = performance.now() + limitMs;
  let before = treeCpuSeconds(pid);
  while (before !== undefined && performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = treeCpuSeconds(pid);
    if (now === undefined || now - before < 0.1) return;
    before = now;
  }
}

/** Sends `count` interactions keeping at most IN_FLIGHT unanswered; resolves with every exchange. */
async function drive(
  send: (i: number) => Exchange,
  first: number,
  count: number,
  deadline: number,
  inFlight = IN_FLIGHT,
): Promise<Exchange[]> {
  const exchanges: Exchange[] = [];
  let next = first;
  async function lane(): Promise<void> {
    while (next < first + count) {
      const exchange = send(next++);
      exchanges.push(exchange);
      const timeout = Math.min(LATE_GIVE_UP_MS, Math.max(1, deadline - performance.now()));
      try {
        await exchange.answer(timeout);
      } catch (error) {
        // Discord refused a late answer (counted below); anything else unanswered fails the bench.
        if (!exchange.rejections.some((r) => r.startsWith('callback '))) throw error;
      }
    }
  }
  await Promise.all(Array.from({ length: inFlight }, lane));
  return exchanges;
}

/** `shards` > 1: the bot runs as `npm run start:sharded` with SHARD_COUNT shard processes. */
export async function benchE2e(shards = 1): Promise<Record<string, number | string>> {
  const guilds: FakeGuild[] = Array.from({ length: GUILDS }, (_, i) => ({
    id: snowflake(),
    locale: i % 3 === 0 ? 'zh-CN' : 'en-US',
    channelIds: [snowflake()],
  }));
  const discord = await startFakeDiscord({ guilds, callbackTimeoutMs: 10_000, recommendedShards: shards });
  const cityNames = loadDataset().cities.map((c) => c.names.en);
  let bot: BotProcess | undefined;
  try {
    const bootStart = performance.now();
    // Run by node itself so the measured process is the bot, not npm.
    bot = await startBot(
      discord,
      shards > 1 ? { via: 'node', script: 'start:sharded', env: { SHARD_COUNT: String(shards) } } : { via: 'node' },
    );
    if (shards > 1) {
      await bot.waitForLine(/"msg":"all shards ready"/, 120_000);
      // Each shard draws its image cache once connected; two shards doing so at once on a small
      // machine would hold up the first interactions. The load starts once the processes are idle.
      await settle(bot.pid, SETTLE_LIMIT_MS);
    }
    const boot = performance.now() - bootStart;
    const afterReady = treeMemory(bot.pid);
    const deadline = performance.now() + TIME_LIMIT_MS;
    const send = (i: number) => discord.send(makeInteraction(i, discord.guilds, cityNames));

    await drive(send, 0, WARM_UP, deadline);
    const afterWarmUp = treeMemory(bot.pid);
    const cpuBefore = treeCpuSeconds(bot.pid);
    const loadBefore = loadavg()
      .map((n) => n.toFixed(2))
      .join(' / ');
    const start = performance.now();
    const exchanges = await drive(send, WARM_UP, INTERACTIONS, deadline);
    const seconds = (performance.now() - start) / 1000;
    const cpuAfter = treeCpuSeconds(bot.pid);
    const memory = treeMemory(bot.pid);
    const oneByOne = await drive(send, WARM_UP + INTERACTIONS, SEQUENTIAL, deadline, 1);

    const perProcess = processTree(bot.pid).map((pid, i) => {
      const peak = memoryOf(pid).peak;
      return shards > 1 ? `${i === 0 ? 'manager' : `shard ${i - 1}`} ${peak}` : String(peak);
    });
    const all = [...exchanges, ...oneByOne];
    // Late callbacks are counted (Discord would have shown "The application did not respond"); any
    // other refusal (acknowledged twice, a malformed callback) fails the bench.
    const late = all.filter((e) => e.rejections.some((r) => r.startsWith('callback ')));
    const refused = all.filter((e) => e.rejections.some((r) => !r.startsWith('callback ')));
    if (refused.length > 0)
      throw new Error(`${refused.length} interactions were refused: ${refused[0]!.rejections.join('; ')}`);
    const answered = (e: Exchange) => e.events.some((event) => event.kind === 'callback');
    const sortedLatencies = (list: Exchange[]) =>
      list
        .filter(answered)
        .map((e) => e.callback.afterMs)
        .sort((a, b) => a - b);
    const latencies = sortedLatencies(exchanges);
    const unloaded = sortedLatencies(oneByOne);
    const ms = (n: number) => Math.round(n * 10) / 10;
    // One at a time, per kind of interaction: what each costs the bot, without queueing.
    const byKind = new Map<string, number[]>();
    for (const exchange of oneByOne.filter(answered)) {
      const kind = kindOf(exchange.payload);
      byKind.set(kind, [...(byKind.get(kind) ?? []), exchange.callback.afterMs]);
    }
    const kinds = Object.fromEntries(
      [...byKind].map(([kind, list]) => {
        const sorted = list.sort((a, b) => a - b);
        return [
          `  ${kind} (${list.length}): p50 / max (ms)`,
          `${ms(percentile(sorted, 0.5))} / ${ms(sorted.at(-1) ?? 0)}`,
        ];
      }),
    );
    const deferred = exchanges.filter(answered).filter((e) => e.callback.type === 5 || e.callback.type === 6).length;
    return {
      'shards (processes)': shards,
      'machine load average before the run (1 / 5 / 15 min; other work shares the cores)': loadBefore,
      'servers (guilds)': GUILDS,
      'interactions (after a warm-up of 300)': exchanges.length,
      'in flight at most': IN_FLIGHT,
      'answered within 3 s (both phases)': `${all.length - late.length}/${all.length}`,
      'deferred (answered by an edit)': deferred,
      [shards > 1
        ? 'bot start → all shards ready and idle (ms; node dist/sharded.js, 5.5 s between identifies)'
        : 'bot start → ready (ms, npm-free: node dist/index.js)']: Math.round(boot),
      'wall time (s)': Math.round(seconds * 100) / 100,
      'interactions per second': Math.round(exchanges.length / seconds),
      'bot CPU during the run (s; near the wall time = the bot is the bottleneck)':
        cpuBefore === undefined || cpuAfter === undefined
          ? 'n/a (no /proc)'
          : Math.round((cpuAfter - cpuBefore) * 100) / 100,
      'latency p50 (ms, dispatch → callback)': ms(percentile(latencies, 0.5)),
      'latency p99 (ms)': ms(percentile(latencies, 0.99)),
      'latency max (ms)': ms(latencies.at(-1) ?? 0),
      [`one at a time (${SEQUENTIAL}): latency p50 (ms)`]: ms(percentile(unloaded, 0.5)),
      [`one at a time (${SEQUENTIAL}): latency p99 (ms)`]: ms(percentile(unloaded, 0.99)),
      ...kinds,
      'bot RSS after ready (MB)': afterReady.rss,
      'bot RSS after warm-up (MB)': afterWarmUp.rss,
      'bot RSS after the run (MB)': memory.rss,
      'bot peak RSS (MB)': memory.peak,
      [shards > 1 ? 'peak RSS per process (MB)' : 'peak RSS of the process (MB)']: perProcess.join(' · '),
    };
  } catch (error) {
    // What the bot said about it (a shard that exited, an error) makes the failure readable.
    const said = bot?.linesMatching(/"level":"(warn|error|fatal)"/) ?? [];
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}${said.length ? `\nthe bot logged:\n${said.slice(-20).join('\n')}` : ''}`,
    );
  } finally {
    if (bot) await bot.stop();
    await discord.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`Youcheng bench:e2e · Node ${process.version} · ${new Date().toISOString()}`);
  // `npm run bench:e2e -- --shards 2`: the same load against a sharded bot.
  const shardsAt = process.argv.indexOf('--shards');
  const figures = await benchE2e(shardsAt > 0 ? Number(process.argv[shardsAt + 1]) : 1);
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(width)}  ${value}`);
  // The shared test helper keeps an idle discord.js client; nothing else is left to wait for.
  process.exit(0);
}
