import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app/app.js';
import type { CommandContext } from '../../src/commands/types.js';
import type { ChannelPort } from '../../src/reply/reply.js';
import { completerFor, runInteractiveConsole } from '../../src/console/interactive.js';
import { fakeApp, fakeCommands } from './fake-commands.js';

/** Types `lines` into a piped console and returns everything it printed. */
async function session(lines: string[], app: App = fakeApp(), locale: 'en' | 'zh-CN' = 'en'): Promise<string> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await runInteractiveConsole(app, {
    input: Readable.from([lines.map((l) => `${l}\n`).join('')]),
    output,
    commands: fakeCommands,
    locale,
  });
  return Buffer.concat(chunks).toString('utf8');
}

describe('interactive console on piped input', () => {
  it('runs a command, presses a button by number, and leaves on exit', async () => {
    const out = await session(['/pages', '2', 'exit', '/city never-run']);
    expect(out).toBe(
      [
        'Youcheng 0.0.0-test, offline console. Type /help for the commands, help for the console, exit to leave.',
        'youcheng> /pages',
        '#1',
        'Page 1',
        '',
        '[1] ◀ Previous (disabled)  [2] Next ▶  Source <https://example.org/pages>',
        'Jump to a page:',
        '  [3] First page',
        '  [4] Tenth page',
        '',
        'youcheng> 2',
        '#1 (edited)',
        'Page 2',
        '',
        '[1] ◀ Previous  [2] Next ▶  Source <https://example.org/pages>',
        'Jump to a page:',
        '  [3] First page',
        '  [4] Tenth page',
        '',
        'youcheng> exit',
        '',
      ].join('\n'),
    );
  });

  it('presses by label, ignoring case and arrows, and picks select options', async () => {
    const out = await session(['/pages', 'next', 'NEXT', 'tenth page', 'previous']);
    expect(out.match(/^Page \d+$/gm)).toEqual(['Page 1', 'Page 2', 'Page 3', 'Page 10', 'Page 9']);
  });

  it('answers a quiz question with its letter', async () => {
    const out = await session(['/quiz start rounds:3', 'B']);
    expect(out).toContain(
      '#1\nQuiz of 3 rounds\n\n│ Question 1\n│ Which city is in Germany?\n\n[1] A  [2] B  [3] C  [4] D\n',
    );
    expect(out).toContain('youcheng> B\n#1 (edited)\nRound 1: you answered B\n');
  });

  it('says why a press did nothing: disabled, a link, unknown, nothing to press', async () => {
    const out = await session(['hello', '/pages', '1', 'source', 'zzz', '9']);
    expect(out).toContain('youcheng> hello\nThe latest message has no buttons.');
    expect(out).toContain('youcheng> 1\n“◀ Previous” is disabled.\n');
    expect(out).toContain('youcheng> source\n“Source” is a link: https://example.org/pages\n');
    expect(out).toContain(
      'youcheng> zzz\nNo button or option “zzz” on message #1. Choose: [1] ◀ Previous  [2] Next ▶  Source  [3] First page  [4] Tenth page\n',
    );
    expect(out).toContain('youcheng> 9\nNo button or option “9” on message #1.');
  });

  it('presses a button of an older message by its number', async () => {
    const out = await session(['/pages', '/count', '#1 next', '#7 next']);
    expect(out).toContain('youcheng> #1 next\n#1 (edited)\nPage 2\n');
    expect(out).toContain('youcheng> #7 next\nThere is no message #7.\n');
  });

  it('says when an addressed message has nothing to press', async () => {
    const out = await session(['/pages', '/count', '#2 next']);
    expect(out).toContain('youcheng> #2 next\nMessage #2 has no buttons or options to press.\n');
  });

  it('runs a message command, with or without its slash', async () => {
    const out = await session([
      '/Ask Youcheng is Paris a sister city?',
      'ask youcheng how many?',
      '问友城 武汉有几个友城',
    ]);
    expect(out).toContain('youcheng> /Ask Youcheng is Paris a sister city?\n#1\nask-message is Paris a sister city?\n');
    expect(out).toContain('youcheng> ask youcheng how many?\n#2\nask-message how many?\n');
    expect(out).toContain('youcheng> 问友城 武汉有几个友城\n#3\nask-message 武汉有几个友城\n');
  });

  it('runs a command typed without its slash when it is not a button', async () => {
    const out = await session(['/pages', 'city Duisburg']);
    expect(out).toContain('youcheng> city Duisburg\n#2\n│ City Duisburg\n');
  });

  it('reports bad commands and command errors and keeps going', async () => {
    const out = await session(['/foo', '/fail', '/crash', '/city Duisburg']);
    expect(out).toContain('youcheng> /foo\nUnknown command /foo. Commands: /city,');
    expect(out).toContain('youcheng> /fail\nNo such game is running.\n');
    expect(out).toContain('youcheng> /crash\nThe command failed: database is gone\n');
    expect(out).toContain('#1\n│ City Duisburg\n');
  });

  it('explains itself on help, switches language, and ends with the input', async () => {
    const out = await session(['help', 'lang zh-CN', '/quiz start rounds:0']);
    expect(out).toContain('youcheng> help\nType commands as in Discord');
    expect(out).toContain('  /city name:<text>\n      One partner city\n');
    expect(out).toContain('youcheng> lang zh-CN\n语言：zh-CN。\n');
    expect(out).toMatch(/youcheng> \/quiz start rounds:0\n轮数（rounds）至少为 1，而不是 0。\n$/);
  });

  it('names the languages it knows when asked for another, whatever message came last', async () => {
    const out = await session(['/pages', 'lang xx', 'lang', 'language de-DE']);
    expect(out).toContain('youcheng> lang xx\nUnknown language xx: use lang en or lang zh-CN.\n');
    expect(out).toContain('youcheng> lang\nUse lang en or lang zh-CN.\n');
    expect(out).toContain('youcheng> language de-DE\nUnknown language de-DE: use lang en or lang zh-CN.\n');
    expect(out).not.toContain('No button');
  });

  it('lets a quiz post and edit its own messages through the console port', async () => {
    let port: ChannelPort | undefined;
    const app = { ...fakeApp(), quiz: { connect: (p: ChannelPort) => (port = p) } } as unknown as App;
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const input = new PassThrough();
    const done = runInteractiveConsole(app, { input, output, commands: fakeCommands });

    const ref = await port!.send('console', {
      content: 'Question 2',
      actions: [[{ type: 'button', customId: 'quiz:answer:2:A', label: 'A' }]],
    });
    expect(ref).toEqual({ channelId: 'console', messageId: '1' });
    input.write('a\n');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await port!.edit(ref, { content: 'Time is up' });
    input.end();
    await done;

    const out = Buffer.concat(chunks).toString('utf8');
    expect(out).toContain('#1\nQuestion 2\n\n[1] A\n');
    expect(out).toContain('youcheng> a\n#1 (edited)\nRound 2: you answered A\n');
    expect(out).toMatch(/#1 \(edited\)\nTime is up\n\n$/);
  });
});

describe('Tab completion', () => {
  const ctx = { app: fakeApp(), locale: 'en' } as CommandContext;
  const complete = (line: string) =>
    (completerFor(fakeCommands, () => ctx) as (line: string) => [string[], string])(line);

  it('completes command, subcommand and option names', () => {
    expect(complete('/ci')).toEqual([['/city '], '/ci']);
    expect(complete('/c')).toEqual([['/city ', '/count ', '/crash '], '/c']);
    expect(complete('/quiz st')).toEqual([['start ', 'stop '], 'st']);
    expect(complete('/count ti')).toEqual([['tier:'], 'ti']);
    expect(complete('/As')).toEqual([['/Ask ', '/Ask Youcheng '], '/As']);
    expect(complete('/Ask Youcheng qu')).toEqual([[], '/Ask Youcheng qu']);
  });

  it("completes a value from the option's choices or autocomplete, keeping what was typed", () => {
    expect(complete('/count tier:ex')).toEqual([['tier:exchange '], 'tier:ex']);
    expect(complete('/city Duis')).toEqual([['Duisburg '], 'Duis']);
    expect(complete('/city name:du')).toEqual([['name:duisburg ', 'name:dunedin '], 'name:du']);
  });
});
