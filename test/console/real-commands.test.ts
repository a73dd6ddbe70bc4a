// The console over the real dataset and the real commands: what `npm run ask` answers.
import { spawnSync } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create.js';
import { runCli } from '../../src/console/cli.js';
import { runInteractiveConsole } from '../../src/console/interactive.js';

async function ask(argv: string[], stdinText?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const stdin = Readable.from(stdinText === undefined ? [] : [stdinText]);
  const code = await runCli(argv, { stdin, stdout, stderr, env: { DATABASE_PATH: ':memory:' } });
  return { code, stdout: out, stderr: err };
}

const json = (stdout: string) => JSON.parse(stdout) as { content?: string; embeds: { title?: string }[]; flags?: number; allowed_mentions: unknown };

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
    expect(await ask(['/city'])).toEqual({ code: 2, stdout: '', stderr: 'Missing required option name. Usage: /city name:<text>\n' });
    expect((await ask(['/count tier:sister'])).stderr).toBe('tier must be one of: friendship, exchange. “sister” is not one of them.\n');
  });

  it('hostile input gets a reply, not a crash', async () => {
    for (const line of ['/city @everyone', "/city '; DROP TABLE cities; --", '/city 🏙️', '/city \u200b\u200b']) {
      const run = await ask(['--json', line]);
      expect([0, 2]).toContain(run.code);
      if (run.code === 0) expect(json(run.stdout).allowed_mentions).toEqual({ parse: [] });
      else expect(run.stderr).toMatch(/^Option name needs a value\./);
    }
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
  it('one-shot /quiz start prints the posted question, then the reply to the starter', async () => {
    const run = await ask(['--seed', '1', '--json', '/quiz start rounds:3']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const [question, notice, ...rest] = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(rest).toEqual([]);
    expect(question.components[0].components.map((b: { label: string }) => b.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(question.flags).toBeUndefined();
    expect(notice.flags).toBe(64);
    // The same seed asks the same question.
    expect((await ask(['--seed', '1', '--json', '/quiz start rounds:3'])).stdout.split('\n')[0]).toBe(run.stdout.split('\n')[0]);
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
  const tsx = ['node_modules/.bin/tsx', 'src/console/main.ts'];
  const run = (args: string[], input?: string) =>
    spawnSync(tsx[0]!, [tsx[1]!, ...args], { encoding: 'utf8', input: input ?? '', env: { ...process.env, NO_COLOR: '1', DATABASE_PATH: ':memory:' } });

  it('answers one command and exits 0; a bad command exits 2', () => {
    const ok = run(['--json', '/city Duisburg']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).embeds[0].title).toContain('Duisburg');
    const bad = run(['/nope']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^Unknown command \/nope\./);
  });

  it('reads a batch from piped stdin and exits 2 when a line failed', () => {
    const batch = run(['--json'], '/city Duisburg\n/nope\n/count\n');
    expect(batch.status).toBe(2);
    expect(batch.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(batch.stderr).toMatch(/^line 2: Unknown command \/nope\./);
  });
});
