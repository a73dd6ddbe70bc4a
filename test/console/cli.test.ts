import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/console/cli.js';
import { fakeApp, fakeCommands } from './fake-commands.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** What createApp was given. */
  seeds?: unknown[];
}

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString('utf8');
}

async function cli(argv: string[], stdinLines?: string): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  // No positional command and piped stdin: batch mode. A one-shot run never reads stdin.
  const stdin = Readable.from(stdinLines === undefined ? [] : [stdinLines]);
  const seeds: unknown[] = [];
  const code = await runCli(argv, { stdin, stdout, stderr, env: {} }, {
    commands: fakeCommands,
    createApp: (options) => {
      seeds.push(options.seed);
      return fakeApp();
    },
  });
  return { code, stdout: out(), stderr: err(), ...(seeds.length && seeds[0] !== undefined ? { seeds } : {}) };
}

describe('one-shot', () => {
  it('prints the reply as text and exits 0', async () => {
    expect(await cli(['/city Duisburg'])).toEqual({ code: 0, stdout: '│ City Duisburg\n', stderr: '' });
  });

  it('joins unquoted words: npm run ask -- /city Porto Alegre', async () => {
    expect((await cli(['/city', 'Porto', 'Alegre'])).stdout).toBe('│ City Porto Alegre\n');
  });

  it('--json prints the Discord message body on one line', async () => {
    const run = await cli(['--json', '/pages']);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    const body = JSON.parse(run.stdout);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content).toBe('Page 1');
    expect(body.embeds).toEqual([]);
    expect(body.components[0].components[1]).toMatchObject({ type: 2, custom_id: 'pages:2', label: 'Next ▶' });
    expect(body.components[1].components[0]).toMatchObject({ type: 3, custom_id: 'pages:jump' });

    const card = JSON.parse((await cli(['/city', 'Duisburg', '--json'])).stdout);
    expect(card.embeds).toEqual([{ title: 'City Duisburg', color: 0xd4213d }]);
  });

  it('an invalid command or option: message on stderr, exit 2', async () => {
    const unknown = await cli(['/foo']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/^Unknown command \/foo\. Commands: \/city, \/count/);
    const bad = await cli(['/quiz start rounds:99']);
    expect(bad).toEqual({ code: 2, stdout: '', stderr: 'rounds must be at most 20, not 99.\n' });
  });

  it("a command's UserError: its message on stderr without a stack, exit 1", async () => {
    expect(await cli(['/fail'])).toEqual({ code: 1, stdout: '', stderr: 'No such game is running.\n' });
  });

  it('an unexpected error: exit 1 with the stack for whoever fixes it', async () => {
    const run = await cli(['/crash']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^The command failed: database is gone\nError: database is gone\n\s+at /);
  });

  it('answers in Chinese with --locale zh-CN', async () => {
    const run = await cli(['--locale', 'zh-CN', '/quiz start rounds:0']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'rounds 至少为 1，而不是 0。\n' });
    expect((await cli(['--locale=zh', '/foo'])).stderr).toMatch(/^没有 \/foo 这个命令/);
  });

  it('--seed fixes the random source of the App', async () => {
    expect((await cli(['--seed', '42', '/city x'])).seeds).toEqual([42]);
    expect((await cli(['--seed=-7', '/city x'])).seeds).toEqual([-7]);
  });

  it('rejects bad flags with exit 2', async () => {
    expect(await cli(['--locale', 'fr', '/city x'])).toEqual({ code: 2, stdout: '', stderr: '--locale must be en or zh-CN, not “fr”.\n' });
    expect(await cli(['--seed', 'abc', '/city x'])).toEqual({ code: 2, stdout: '', stderr: '--seed must be a whole number, not “abc”.\n' });
    expect(await cli(['--seed'])).toEqual({ code: 2, stdout: '', stderr: '--seed needs a value. See --help.\n' });
    expect(await cli(['--colour', '/city x'])).toEqual({ code: 2, stdout: '', stderr: 'Unknown flag --colour. See --help.\n' });
  });

  it('--help lists the flags and every command with its usage', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--json');
    expect(run.stdout).toContain('  /city name:<text>\n      One partner city');
    expect(run.stdout).toContain('  /quiz start [rounds:<1-20>]\n  /quiz stop\n');
    expect((await cli(['--help', '--locale', 'zh-CN'])).stdout).toContain('      一个友好城市');
  });

  const outDir = join(mkdtempSync(join(tmpdir(), 'youcheng-')), 'images');
  afterAll(() => rmSync(join(outDir, '..'), { recursive: true, force: true }));
  it('--out creates the image directory', async () => {
    expect((await cli(['--out', outDir, '/city x'])).code).toBe(0);
    expect(existsSync(outDir)).toBe(true);
  });
});

describe('batch from stdin', () => {
  it('prints one JSON object per non-blank line', async () => {
    const run = await cli(['--json'], '/city Duisburg\n\n/count tier:exchange\r\n   \n/timeline from:1990 to:2000\n');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const bodies = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(bodies.map((b) => b.embeds[0]?.title ?? b.content)).toEqual([
      'City Duisburg',
      'count {"tier":"exchange"}',
      'timeline {"from":1990,"to":2000}',
    ]);
    for (const body of bodies) expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('reports a bad line on stderr, goes on, and exits 2 at the end', async () => {
    const run = await cli(['--json'], '/city Duisburg\n/foo\n/fail\n/city Dunedin');
    expect(run.code).toBe(2);
    expect(run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line).embeds[0].title)).toEqual(['City Duisburg', 'City Dunedin']);
    expect(run.stderr.split('\n')[0]).toMatch(/^line 2: Unknown command \/foo\./);
    expect(run.stderr.split('\n')[1]).toBe('line 3: No such game is running.');
  });

  it('in text mode, heads each reply with its command', async () => {
    const run = await cli([], '/city Duisburg\n/count\n');
    expect(run).toEqual({
      code: 0,
      stdout: 'youcheng> /city Duisburg\n│ City Duisburg\n\nyoucheng> /count\ncount {}\n',
      stderr: '',
    });
  });

  it('empty input is no work and no failure', async () => {
    expect(await cli([], '')).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
