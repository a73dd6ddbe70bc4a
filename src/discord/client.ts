// The gateway front end: log in, route every interaction, log what goes wrong, stop cleanly.
// Slash commands and buttons need only the Guilds intent (no privileged intents).
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Events, GatewayIntentBits, RESTEvents } from 'discord.js';
import type { App } from '../app/app.js';
import { exitOnSignal } from '../app/startup.js';
import { commands as allCommands } from '../commands/index.js';
import type { Command } from '../commands/types.js';
import type { Config } from '../config.js';
import { createLogger, describeError, type Logger } from '../log.js';
import { cacheOptions } from './cache.js';
import { createChannelPort } from './channel-port.js';
import { createRouter, type RouterOptions } from './router.js';
import { startWarmUp } from '../app/warm-up.js';
import type { ShardFigures } from '../views/about.js';

export interface GatewayHandle {
  client: Client<true>;
  /** Disconnect and release the client's timers and sockets. */
  stop(): Promise<void>;
}

export interface GatewayOptions {
  log?: Logger;
  commands?: readonly Command[];
  /** Stop and exit 0 on SIGINT/SIGTERM. Default true; tests turn it off. */
  handleSignals?: boolean;
  deferAfterMs?: RouterOptions['deferAfterMs'];
  onHandled?: RouterOptions['onHandled'];
  /** How patiently to wait for Discord's API before logging in; tests shorten it. */
  reach?: Partial<ReachOptions>;
}

export interface ReachOptions {
  attempts: number;
  /** How long one attempt may wait for an answer. */
  timeoutMs: number;
  /** The wait before the second attempt; doubled for each later one. */
  backoffMs: number;
}

const REACH: ReachOptions = { attempts: 5, timeoutMs: 5000, backoffMs: 1000 };
const DEFAULT_API = 'https://discord.com/api';

/** Discord's API did not answer at all (a network or DNS problem, a wrong DISCORD_API_URL). */
export class UnreachableError extends Error {
  override readonly name = 'UnreachableError';
}

/**
 * Asks Discord's API for the gateway address until it answers (any HTTP status will do: a wrong
 * token is login's to report), waiting longer after each silence. Without this, login against an
 * API that never answers waits through discord.js's own retries for a minute, in silence.
 */
async function waitForDiscord(api: string, reach: ReachOptions, log: Logger, stopped: () => boolean): Promise<void> {
  const url = `${api}/v10/gateway`;
  log.info('connecting to Discord', { api });
  let reason = '';
  for (let attempt = 1; attempt <= reach.attempts && !stopped(); attempt++) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(reach.timeoutMs) });
      return;
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      reason =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
          ? `no answer within ${reach.timeoutMs / 1000} s`
          : (cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error)));
      if (attempt === reach.attempts) break;
      const waitMs = reach.backoffMs * 2 ** (attempt - 1);
      log.warn('Discord did not answer; retrying', {
        attempt,
        of: reach.attempts,
        retryInSeconds: waitMs / 1000,
        reason,
      });
      await sleep(waitMs);
    }
  }
  throw new UnreachableError(
    `Could not reach Discord at ${api} after ${reach.attempts} attempts (${reason}). Check the network, or DISCORD_API_URL if it is set.`,
  );
}

/** One line for a person whose bot did not connect; the most common cause gets its remedy. */
export function describeLoginError(error: unknown): string {
  if (error instanceof UnreachableError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const status = (error as { status?: unknown } | null)?.status;
  if (status === 401 || /Authentication failed|Unauthorized|invalid token/i.test(message)) {
    return 'Discord rejected DISCORD_TOKEN. It may have been reset: copy a fresh one from the Developer Portal (Bot → Reset Token) into .env.';
  }
  return `Could not connect to Discord: ${message}`;
}

/** Connects to Discord; resolves once logged in, rejects (with the client torn down) if login fails. */
export async function startGateway(app: App, config: Config, options: GatewayOptions = {}): Promise<GatewayHandle> {
  const token = config.token;
  if (!token) throw new Error('startGateway needs DISCORD_TOKEN');
  const log = options.log ?? createLogger({ level: config.logLevel, secrets: [token] });

  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // Anything a user typed may be echoed back: never let it ping @everyone, roles or users.
    allowedMentions: { parse: [] },
    ...cacheOptions(),
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  });
  let connected = false;
  let stopped = false;
  const warming = new AbortController();
  const router = createRouter(app, options.commands ?? allCommands, {
    log,
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
    ...(options.onHandled ? { onHandled: options.onHandled } : {}),
  });

  client.once(Events.ClientReady, (ready) => {
    log.info('ready', { tag: ready.user.tag, guilds: ready.guilds.cache.size });
  });
  client.on(Events.InteractionCreate, (interaction) => {
    // handle() does not throw; the catch is here because a rejected listener would kill the process.
    router.handle(interaction).catch((error: unknown) => log.error('router failed', { error: describeError(error) }));
  });
  // Without an 'error' listener, an EventEmitter error crashes the process.
  client.on(Events.Error, (error) => log.error('client error', { error: describeError(error) }));
  client.on(Events.Warn, (message) => log.warn(message));
  client.on(Events.Debug, (message) => log.debug(message));
  // While logging in, a failure rejects login() and the caller reports it in one line; after
  // destroy(), closing is expected. Only an unexpected loss of connection is worth a log line then.
  const connectionLog = () => (connected && !stopped ? log : quiet);
  const quiet = { ...log, error: log.debug, warn: log.debug, info: log.debug };
  client.on(Events.ShardError, (error, shard) =>
    connectionLog().error('shard error', { shard, error: describeError(error) }),
  );
  client.on(Events.ShardDisconnect, (event, shard) =>
    connectionLog().warn('shard disconnected', { shard, code: event.code }),
  );
  client.on(Events.ShardReconnecting, (shard) => connectionLog().info('shard reconnecting', { shard }));
  client.on(Events.ShardResume, (shard) => log.info('shard resumed', { shard }));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    log.warn('rate limited', {
      route: info.route,
      method: info.method,
      retryAfter: info.retryAfter,
      global: info.global,
    }),
  );

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    warming.abort();
    releaseSignals();
    await client.destroy();
  };
  const releaseSignals = (options.handleSignals ?? true) ? exitOnSignal(app, log, stop) : () => {};

  try {
    await waitForDiscord(config.apiUrl ?? DEFAULT_API, { ...REACH, ...options.reach }, log, () => stopped);
    await client.login(token);
  } catch (error) {
    await stop();
    throw error;
  }
  connected = true;
  if (client.shard) shareShardFigures(app, client);
  // Quiz games post their rounds as channel messages; connect() also retires the buttons of games
  // an earlier process left running. It never rejects.
  await app.quiz.connect(createChannelPort(client.rest));
  // The image modules, fonts and maps load only now, a moment after ready; then the most asked-for
  // images are drawn one per event-loop turn, so that a burst of /city after a restart finds them
  // drawn instead of queueing behind dozens of renders.
  startWarmUp(app.data, warming.signal, log);
  return { client: client as Client<true>, stop };
}

/**
 * Under `npm run start:sharded` each shard is a process: /about asks every one of them, through the
 * sharding manager, for its figures (broadcastEval runs the function in each shard's process).
 */
function shareShardFigures(app: App, client: Client): void {
  const own = (): ShardFigures => ({
    shard: client.shard?.ids[0] ?? 0,
    guilds: client.guilds.cache.size,
    games: app.quiz.runningGames,
    ping: client.ws.ping,
  });
  Object.defineProperty(client, 'youchengFigures', { value: own });
  app.shardFigures = async () => {
    const all = await client.shard!.broadcastEval((c) =>
      (c as unknown as { youchengFigures: () => ShardFigures }).youchengFigures(),
    );
    return all;
  };
}
