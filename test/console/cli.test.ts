import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { Command } from '../../src/commands/types.js';
import { runCli } from '../../src/console/cli.js';
import { channelOf, fakeApp, fakeCommands } from './fake-commands.js';

/** Posts a question into the channel and edits it, as /quiz start and /quiz stop do, then replies. */
const announce: Command = {
  definition: { name: 'announce', nameZh: '公告', description: { en: 'test', 'zh-CN': '测试' } },
  async run(_input, ctx) {
    const channel = channelOf(ctx.app);
    const ref = await channel.send('console', { content: 'Question 1' });
    await channel.edit(ref, { content: 'Question 1 (closed)' });
    return { content: 'Announced', ephemeral: true };
  },
};

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
  const code = await runCli(
    argv,
    { stdin, stdout, stderr, env: {} },
    {
      commands: [...fakeCommands, announce],
      createApp: (options) => {
        seeds.push(options.seed);
        return fakeApp();
      },
    },
  );
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

  it('a blank command is a usage error, and a line without a slash is a question for /ask', async () => {
    const usage = 'No command given. Usage: npm run --silent ask -- "/city Duisburg" (see --help).\n';
    expect(await cli([''])).toEqual({ code: 2, stdout: '', stderr: usage });
    expect(await cli(['  ', ''], '/city Duisburg\n')).toEqual({ code: 2, stdout: '', stderr: usage });
    expect(await cli(['hello'])).toEqual({ code: 0, stdout: 'ask hello\n', stderr: '' });
  });

  it('runs a message command on the rest of the line', async () => {
    expect(await cli(['/Ask Youcheng', 'is Paris a sister city?'])).toEqual({
      code: 0,
      stdout: 'ask-message is Paris a sister city?\n',
      stderr: '',
    });
    expect((await cli(['/问友城 武汉有几个友城'])).stdout).toBe('ask-message 武汉有几个友城\n');
  });

  it('--json prints one object even when the command posted and edited other messages', async () => {
    const run = await cli(['--json', '/announce']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    const body = JSON.parse(run.stdout);
    expect(body).toMatchObject({ content: 'Announced', flags: 64 });
    expect(body.posted).toEqual([
      { message: 1, body: expect.objectContaining({ content: 'Question 1' }) },
      { message: 1, edited: true, body: expect.objectContaining({ content: 'Question 1 (closed)' }) },
    ]);
    // Text mode prints them as they happen, before the reply.
    expect((await cli(['/announce'])).stdout).toBe(
      'Question 1\n\nQuestion 1 (closed)\n\nAnnounced\n\n(only you can see this)\n',
    );
  });

  it('answers in Chinese with --locale zh-CN', async () => {
    const run = await cli(['--locale', 'zh-CN', '/quiz start rounds:0']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: '轮数（rounds）至少为 1，而不是 0。\n' });
    expect((await cli(['--locale=zh', '/foo'])).stderr).toMatch(/^没有 \/foo 这个命令/);
  });

  it('--seed fixes the random source of the App', async () => {
    expect((await cli(['--seed', '42', '/city x'])).seeds).toEqual([42]);
    expect((await cli(['--seed=-7', '/city x'])).seeds).toEqual([-7]);
  });

  it('rejects bad flags with exit 2', async () => {
    expect(await cli(['--locale', 'fr', '/city x'])).toEqual({
      code: 2,
      stdout: '',
      stderr: '--locale must be en or zh-CN, not “fr”.\n',
    });
    expect(await cli(['--seed', 'abc', '/city x'])).toEqual({
      code: 2,
      stdout: '',
      stderr: '--seed must be a whole number, not “abc”.\n',
    });
    expect(await cli(['--seed'])).toEqual({ code: 2, stdout: '', stderr: '--seed needs a value. See --help.\n' });
    expect(await cli(['--colour', '/city x'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Unknown flag --colour. See --help.\n',
    });
  });

  it('--help lists the flags and every command with its usage', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--json');
    expect(run.stdout).toContain('  /city name:<text>\n      One partner city');
    expect(run.stdout).toContain('  /quiz start [rounds:<1-20>]\n  /quiz stop\n');
    expect(run.stdout).toContain('  /Ask Youcheng <message text>\n      test (in Discord: in a message’s Apps menu)\n');
    expect(run.stdout).toContain('"posted"');
    const zh = (await cli(['--help', '--locale', 'zh-CN'])).stdout;
    expect(zh).toContain('  /城市 名称:<文本>\n      一个友好城市\n');
    expect(zh).toContain('  /问友城 <消息文本>\n');
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
    const bodies = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(bodies.map((b) => b.embeds[0]?.title ?? b.content)).toEqual([
      'City Duisburg',
      'count {"tier":"exchange"}',
      'timeline {"from":1990,"to":2000}',
    ]);
    for (const body of bodies) expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers every line with one object: a failed line is an error object, also on stderr; exit 2 at the end', async () => {
    const run = await cli(['--json'], '/city Duisburg\n/foo\n\n/fail\n/announce\n/crash\n/city Dunedin');
    expect(run.code).toBe(2);
    const objects = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(objects).toHaveLength(6);
    expect(objects[0].embeds[0].title).toBe('City Duisburg');
    expect(objects[1].error).toEqual({
      line: 2,
      message: expect.stringMatching(/^Unknown command \/foo\. Commands: /),
    });
    expect(objects[2]).toEqual({ error: { line: 4, message: 'No such game is running.' } });
    expect(objects[3]).toMatchObject({ content: 'Announced', posted: [{ message: 1 }, { message: 1, edited: true }] });
    // The stack of an unexpected error goes to stderr only.
    expect(objects[4]).toEqual({ error: { line: 6, message: 'The command failed: database is gone' } });
    expect(objects[5].embeds[0].title).toBe('City Dunedin');
    const stderr = run.stderr.split('\n');
    expect(stderr[0]).toMatch(/^line 2: Unknown command \/foo\./);
    expect(stderr[1]).toBe('line 4: No such game is running.');
    expect(stderr[2]).toBe('line 6: The command failed: database is gone');
    expect(stderr[3]).toMatch(/^Error: database is gone$/);
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

describe('what reaches the terminal', () => {
  it('batch: a bare \\r is part of the line, not a line break; \\r\\n still ends one', async () => {
    const run = await cli([], '/city Dui\rsburg\n/city Kyiv\r\n');
    expect(run.code).toBe(0);
    expect(run.stdout.match(/youcheng> /g)).toHaveLength(2);
    expect(run.stdout).toContain('youcheng> /city Dui<U+000D>sburg\n');
    expect(run.stdout).toContain('City Dui<U+000D>sburg');
    expect(run.stdout).toContain('youcheng> /city Kyiv\n');
    expect(run.stdout).not.toContain('\r');
  });

  it('text mode shows control characters and bidi overrides as code points, never raw', async () => {
    const run = await cli(['/city Dui\u202Esburg\u0007\u001b]0;owned\u0007']);
    expect(run.stdout).toContain('Dui<U+202E>sburg<U+0007><U+001B>]0;owned<U+0007>');
    expect(run.stdout).not.toMatch(/[\u0007\u001b\u202e]/);
  });

  it('JSON mode keeps the text as it is (JSON escapes what it must)', async () => {
    const run = await cli(['--json', '/city Dui\u202Esburg']);
    expect(run.stdout).toContain('\u202E');
    expect(run.stdout).not.toContain('<U+202E>');
  });
});
