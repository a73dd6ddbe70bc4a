// The bot as users run it: `npm start` (or another npm script) in a child process, configured only
// through environment variables, pointed at a fake Discord. Its output is kept for assertions and
// for the failure message when something goes wrong.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { FakeDiscord } from './server.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BotOptions {
  /** The npm script; default "start". */
  script?: string;
  /**
   * 'npm' (default): `npm run <script>`, as a person types it. 'node': the script's compiled entry
   * file run by node itself (`node dist/index.js`), so a test sees the bot's own exit code (npm
   * reports its own).
   */
  via?: 'npm' | 'node';
  /** Extra arguments after "--". */
  args?: string[];
  /** Overrides and additions to the environment the bot gets. */
  env?: Record<string, string>;
  /** Where the SQLite file lives; a fresh temporary directory by default. */
  databasePath?: string;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Every variable the bot reads, so a developer's .env cannot leak into a test run. */
export function botEnvironment(
  discord: FakeDiscord | undefined,
  databasePath: string,
  extra: Record<string, string> = {},
) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'NODE_OPTIONS') delete env[key];
  return {
    ...env,
    DISCORD_TOKEN: discord?.token ?? '',
    DISCORD_API_URL: discord?.apiUrl ?? '',
    DISCORD_APPLICATION_ID: '',
    DISCORD_GUILD_ID: '',
    DISCORD_PUBLIC_KEY: '',
    PORT: '',
    METRICS_PORT: '',
    DATABASE_PATH: databasePath,
    DATABASE_URL: '',
    LOG_LEVEL: 'info',
    FORCE_COLOR: '0',
    ...extra,
  };
}

const temporaryDirectories = new Set<string>();

/** A database path in a fresh directory, removed when this process exits. */
export function temporaryDatabasePath(): string {
  const directory = mkdtempSync(join(tmpdir(), 'youcheng-e2e-'));
  temporaryDirectories.add(directory);
  return join(directory, 'youcheng.sqlite');
}

/** "exec node --flag dist/index.js" → ["--flag", "dist/index.js"]: what node runs for an npm script. */
export function scriptEntry(script: string): string[] {
  const scripts = (
    JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  const match = /^(?:exec )?node ((?:--\S+ )*)(dist\/\S+\.js)$/.exec(scripts[script] ?? '');
  if (!match) throw new Error(`npm script ${script} is not "exec node [--flags] dist/<file>.js"`);
  return [...match[1]!.split(' ').filter(Boolean), match[2]!];
}

export class BotProcess {
  readonly output: string[] = [];
  readonly via: 'npm' | 'node';
  readonly exited: Promise<ExitStatus>;
  private readonly child: ChildProcess;
  private readonly listeners = new Set<() => void>();
  private partial = '';

  constructor(
    discord: FakeDiscord | undefined,
    readonly databasePath: string,
    options: BotOptions = {},
  ) {
    const script = options.script ?? 'start';
    const [command, args] =
      options.via === 'node'
        ? [process.execPath, [...scriptEntry(script), ...(options.args ?? [])]]
        : ['npm', ['run', script, ...(options.args?.length ? ['--', ...options.args] : [])]];
    this.via = options.via ?? 'npm';
    this.child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: botEnvironment(discord, databasePath, options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a cleanup can stop npm and node together.
      detached: true,
    });
    const onData = (chunk: Buffer) => {
      const text = this.partial + chunk.toString('utf8');
      const lines = text.split('\n');
      this.partial = lines.pop() ?? '';
      this.output.push(...lines);
      for (const listener of this.listeners) listener();
    };
    this.child.stdout!.on('data', onData);
    this.child.stderr!.on('data', onData);
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        if (this.partial) this.output.push(this.partial);
        this.partial = '';
        for (const listener of this.listeners) listener();
        resolve({ code, signal });
      });
    });
    killOnExit.add(this);
    void this.exited.then(() => killOnExit.delete(this));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The output so far, for failure messages. */
  logs(): string {
    return [...this.output, this.partial].join('\n');
  }

  /** The first output line matching `pattern` (already printed or still to come). */
  waitForLine(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const line = this.output.find((l) => pattern.test(l));
        if (line !== undefined) {
          done();
          resolve(line);
        } else if (!this.running) {
          done();
          reject(new Error(`the bot exited before printing ${pattern}:\n${this.logs()}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${this.logs()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Lines printed after the first `from` lines that match `pattern`. */
  linesMatching(pattern: RegExp, from = 0): string[] {
    return this.output.slice(from).filter((l) => pattern.test(l));
  }

  /**
   * Send `signal` and wait for the exit: run by node, to that process (as a supervisor does); run by
   * npm, to the whole process group (as Ctrl-C in a terminal or systemd's default stop do).
   */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 15_000): Promise<ExitStatus> {
    if (this.running) {
      if (this.via === 'node') this.child.kill(signal);
      else process.kill(-this.child.pid!, signal);
    }
    const timer = setTimeout(() => this.kill(), timeoutMs);
    const status = await this.exited;
    // npm may exit before the processes it started: wait (boundedly) until the whole group is gone.
    const until = Date.now() + timeoutMs;
    while (this.groupAlive() && Date.now() < until) await sleep(25);
    clearTimeout(timer);
    return status;
  }

  private groupAlive(): boolean {
    try {
      process.kill(-this.child.pid!, 0);
      return true;
    } catch {
      return false;
    }
  }

  /** SIGKILL the whole process group (npm, node). */
  kill(): void {
    try {
      process.kill(-this.child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

const killOnExit = new Set<BotProcess>();
process.once('exit', () => {
  for (const bot of killOnExit) bot.kill();
  for (const directory of temporaryDirectories) rmSync(directory, { recursive: true, force: true });
});

/** `npm start` against `discord`; resolves once the bot logs that it is ready. */
export async function startBot(discord: FakeDiscord, options: BotOptions = {}): Promise<BotProcess> {
  const sessions = discord.sessionEvents.length;
  const bot = new BotProcess(discord, options.databasePath ?? temporaryDatabasePath(), options);
  try {
    await bot.waitForLine(/"level":"info".*"msg":"ready"/, 60_000);
    await discord.waitForSession(sessions);
  } catch (error) {
    bot.kill();
    throw error;
  }
  return bot;
}
