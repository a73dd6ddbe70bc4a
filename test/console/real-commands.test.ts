// The console over the real dataset and the real commands: what `npm run ask` answers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create.js';
import { runCli } from '../../src/console/cli.js';
import { runInteractiveConsole } from '../../src/console/interactive.js';

async function ask(
  argv: string[],
  stdinText?: string,
  env: Record<string, string> = { DATABASE_PATH: ':memory:' },
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const stdin = Readable.from(stdinText === undefined ? [] : [stdinText]);
  const code = await runCli(argv, { stdin, stdout, stderr, env });
  return { code, stdout: out, stderr: err };
}

const json = (stdout: string) =>
  JSON.parse(stdout) as { content?: string; embeds: { title?: string }[]; flags?: number; allowed_mentions: unknown };

describe('npm run ask with the real commands', () => {
  it('/city Duisburg: the card as text', async () => {
    const run = await ask(['/city Duisburg']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^│ .*Duisburg\n/);
    expect(run.stdout).toContain('8 October 1982');
    expect(run.stdout).not.toMatch(/\x1b|\*\*|\]\(http/);
  });

  it('/city name:"Dacha": the machine-translated name finds Ōita', async () => {
    const run = await ask(['--json', '/city name:"Dacha"']);
    expect(run.code).toBe(0);
    const body = json(run.stdout);
    expect(body.embeds[0]!.title).toContain('Ōita');
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('/city 名称:大分 in Chinese', async () => {
    const run = await ask(['--locale', 'zh-CN', '--json', '/city 名称:大分']);
    expect(run.code).toBe(0);
    expect(json(run.stdout).embeds[0]!.title).toContain('大分市');
  });

  it('a city that is not in the data is an ordinary reply, exit 0', async () => {
    const run = await ask(['/city Atlantis']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Atlantis');
  });

  it('/city without a name and an unknown option are input errors, exit 2', async () => {
    expect(await ask(['/city'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Missing required option name. Usage: /city name:<text>\n',
    });
    expect((await ask(['/count tier:sister'])).stderr).toBe(
      'tier must be one of: friendship, exchange. “sister” is not one of them.\n',
    );
  });

  it('hostile input gets a reply, not a crash', async () => {
    for (const line of ['/city @everyone', "/city '; DROP TABLE cities; --", '/city 🏙️', '/city \u200b\u200b']) {
      const run = await ask(['--json', line]);
      expect([0, 2]).toContain(run.code);
      if (run.code === 0) expect(json(run.stdout).allowed_mentions).toEqual({ parse: [] });
      else expect(run.stderr).toMatch(/^Option name needs a value\./);
    }
  });

  it('"Ask Youcheng" answers the text of the message, in both languages', async () => {
    const en = await ask(['/Ask Youcheng is Paris a sister city?']);
    expect(en).toMatchObject({ code: 0, stderr: '' });
    expect(en.stdout).toContain('Paris');
    expect(en.stdout).not.toContain('Youcheng is not');
    const zh = await ask(['--locale', 'zh-CN', '/问友城 武汉有几个友城']);
    expect(zh).toMatchObject({ code: 0, stderr: '' });
    expect(zh.stdout).toContain('28');
  });

  it('batch: every line of a script, one JSON body each', async () => {
    const run = await ask(['--json'], '/city Duisburg\n/count\n/timeline from:1990 to:2000\n/help\n');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const bodies = run.stdout.trimEnd().split('\n').map(json);
    expect(bodies).toHaveLength(4);
    for (const body of bodies) expect(body.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('a quiz in the console', () => {
  it('--json /quiz start: the reply to the starter, with the posted question in "posted"', async () => {
    const run = await ask(['--seed', '1', '--json', '/quiz start rounds:3']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const notice = JSON.parse(lines[0]!);
    expect(notice.flags).toBe(64);
    expect(notice.posted).toHaveLength(1);
    const question = notice.posted[0];
    expect(question.message).toBe(1);
    expect(question.body.components[0].components.map((b: { label: string }) => b.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(question.body.flags).toBeUndefined();
    // The same seed asks the same question.
    expect((await ask(['--seed', '1', '--json', '/quiz start rounds:3'])).stdout).toBe(run.stdout);
  });

  it('--json batch: /quiz stop lists its edit of the question on its own line’s object', async () => {
    const run = await ask(['--seed', '1', '--json'], '/quiz start rounds:3\n/nope\n/quiz stop\n');
    expect(run.code).toBe(2);
    const [start, nope, stop, ...rest] = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rest).toEqual([]);
    expect(start.posted).toEqual([expect.objectContaining({ message: 1 })]);
    expect(nope.error).toMatchObject({ line: 2 });
    expect(stop.posted).toEqual([expect.objectContaining({ message: 1, edited: true })]);
    expect(stop.posted[0].body.components[0].components.every((b: { disabled?: boolean }) => b.disabled)).toBe(true);
  });

  it('interactive: start, answer by letter, stop; the stop edits the question in place', async () => {
    const app = createApp({ seed: 1, databasePath: ':memory:' });
    const output = new PassThrough();
    let out = '';
    output.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    try {
      await runInteractiveConsole(app, { input: Readable.from(['/quiz start rounds:3\nC\n/quiz stop\n']), output });
    } finally {
      app.quiz.close();
    }
    expect(out).toMatch(/youcheng> \/quiz start rounds:3\n#1\n[\s\S]*\[1\] A {2}\[2\] B {2}\[3\] C {2}\[4\] D\n\n#2\n/);
    expect(out).toMatch(/youcheng> C\n#3\n[^\n]*C[\s\S]*\(only you can see this\)/);
    expect(out).toMatch(/youcheng> \/quiz stop\n#1 \(edited\)\n[\s\S]*\[1\] A \(disabled\)/);
  });
});

describe('the entry point as a child process', () => {
  // What `npm run ask` runs: the compiled entry point (test/global-setup.ts builds it).
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, ['dist/console/main.js', ...args], {
      encoding: 'utf8',
      input: input ?? '',
      env: { ...process.env, NO_COLOR: '1', DATABASE_PATH: ':memory:' },
    });

  it('answers one command and exits 0; a bad command exits 2', () => {
    const ok = run(['--json', '/city Duisburg']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).embeds[0].title).toContain('Duisburg');
    const bad = run(['/nope']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^Unknown command \/nope\./);
  });

  it('reads a batch from piped stdin, one object per line, and exits 2 when a line failed', () => {
    const batch = run(['--json'], '/city Duisburg\n/nope\n/count\n');
    expect(batch.status).toBe(2);
    expect(
      batch.stdout
        .trimEnd()
        .split('\n')
        .map((line) => Object.keys(JSON.parse(line))[0]),
    ).toEqual(['embeds', 'error', 'embeds']);
    expect(batch.stderr).toMatch(/^line 2: Unknown command \/nope\./);
  });

  it('an empty command is a usage error, exit 2', () => {
    const empty = run(['']);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/^No command given\. Usage: /);
  });
});

describe('DATABASE_PATH the console cannot use', () => {
  const dir = mkdtempSync(join(tmpdir(), 'youcheng-db-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a file that is no database: one line naming DATABASE_PATH and the reason, exit 1', async () => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'not a database\n'.repeat(100));
    const run = await ask(['/leaderboard'], undefined, { DATABASE_PATH: path });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `DATABASE_PATH=${path}: the quiz database cannot be used: file is not a database\n`,
    });
  });

  it('a folder that does not exist is reported, not created', async () => {
    const path = join(dir, 'missing', 'deeper', 'quiz.sqlite');
    const run = await ask(['/leaderboard'], undefined, { DATABASE_PATH: path });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `DATABASE_PATH=${path}: the folder ${join(dir, 'missing', 'deeper')} does not exist. ` +
        'Create it, or unset DATABASE_PATH to use the default var/youcheng.sqlite.\n',
    );
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    // A quiz cannot start either; the console says why once, beside the quiz's own notice.
    const quiz = await ask(['/quiz start'], undefined, { DATABASE_PATH: path });
    expect(quiz.stderr.trimEnd().split('\n')).toEqual([run.stderr.trimEnd()]);
  });
});
