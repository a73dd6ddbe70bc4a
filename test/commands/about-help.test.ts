import { describe, expect, it } from 'vitest';
import { command as about } from '../../src/commands/about.js';
import { helpCommand } from '../../src/commands/help.js';
import { commands } from '../../src/commands/index.js';
import type { Command } from '../../src/commands/types.js';
import { coverageSentence } from '../../src/domain/facts/coverage.js';
import { parseCommandLine } from '../../src/console/parse.js';
import { app, context, run, visibleText } from './context.js';

// The help command as the bot builds it: reading the bot's own command list.
const help = helpCommand(() => commands);

describe('/about', () => {
  it('says what the bot is, how complete it is, its version and how to report an error', async () => {
    const text = visibleText(await run(about));
    expect(text).toContain('Wuhan’s international friendship cities');
    expect(text).toContain(coverageSentence(app().data, 'en'));
    expect(text).toContain('official list of 28 as of 30 June 2021');
    expect(text).toContain(app().version);
    expect(text).toContain('the project’s issue tracker');
    expect(text).not.toMatch(/github\.com/i);
  });

  it('links the official lists and totals, the June 2021 list among them', async () => {
    const text = visibleText(await run(about));
    expect(text).toContain('](http://www.towuhan.com/Culture/351/)');
    expect(text).toContain('](https://ljxbmgzwsy.com/');
    expect(text).toContain(`${app().data.sources.size} pages in all`);
  });

  it('answers in Chinese', async () => {
    const text = visibleText(await run(about, {}, 'zh-CN'));
    expect(text).toContain('关于友城');
    expect(text).toContain(coverageSentence(app().data, 'zh-CN'));
  });

  it('names the report field without punctuation, so no renderer puts a colon after a question mark', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const names = (await run(about, {}, locale)).cards![0]!.fields!.map((f) => f.name);
      for (const name of names) expect(name).not.toMatch(/[?？:：]$/);
    }
  });
});

describe('/help', () => {
  it('lists every command in the index with its example', async () => {
    const text = visibleText(await run(help));
    for (const c of commands) {
      const { name, type, description } = c.definition;
      expect(text).toMatch(
        type === 'message'
          ? `**${name}** (on a message`
          : new RegExp(`\\*\\*/${name}\\b[^*]*\\*\\*: ${description.en}`),
      );
      if (c.examples?.[0]) expect(text).toContain(`\`${c.examples[0]}\``);
    }
  });

  it('lists what follows each command: subcommands, then options, optional ones in brackets', async () => {
    const text = visibleText(await run(help));
    expect(text).toContain('**/quiz start | stop | stats | optout | optin | help**: ');
    expect(text).toContain('**/map [tier] [continent] [city] [color]**: ');
    expect(text).toContain('**/city name**: ');
  });

  it('reads the list when asked, so commands added later show up', async () => {
    const late: Command = {
      definition: { name: 'later', nameZh: '稍后', description: { en: 'Added later', 'zh-CN': '后来加的' } },
      examples: ['/later'],
      run: () => ({ content: 'later' }),
    };
    commands.push(late);
    try {
      expect(visibleText(await run(help))).toContain('**/later**: Added later');
    } finally {
      commands.splice(commands.indexOf(late), 1);
    }
  });

  it('shows the Chinese command names in zh-CN, with examples typed in Chinese', async () => {
    const text = visibleText(await run(help, {}, 'zh-CN'));
    expect(text).toContain('**/城市 名称**（/city）：武汉的一个友好城市');
    expect(text).toContain('**/问答 开始 | 结束 | 统计 | 退出排行 | 加入排行 | 说明**（/quiz）');
    expect(text).toContain('**/地图 [级别] [大洲] [城市] [着色]**（/map）');
    expect(text).toContain('例：`/城市 名称:杜伊斯堡`');
    expect(text).toContain('例：`/国家 名称:德国`');
    // No English example in the Chinese help: a command without a Chinese one shows none.
    for (const example of text.matchAll(/例：`([^`]*)`/g)) expect(example[1]).toMatch(/^\/[^\x00-\x7f]/);
    expect(text).not.toMatch(/\*\*: /);
  });

  it('gives Chinese examples that ask exactly what the English ones ask', async () => {
    const withZh = commands.filter((c) => c.examplesZh?.length);
    expect(withZh.map((c) => c.definition.name)).toEqual(
      expect.arrayContaining([
        'city',
        'count',
        'timeline',
        'map',
        'country',
        'cooperation',
        'about',
        'help',
        'ask',
        'quiz',
        'leaderboard',
      ]),
    );
    for (const c of withZh) {
      expect(c.examplesZh, c.definition.name).toHaveLength(c.examples!.length);
      for (const [i, zh] of c.examplesZh!.entries()) {
        const zhParsed = parseCommandLine(zh, commands, 'zh-CN');
        const enParsed = parseCommandLine(c.examples![i]!, commands, 'en');
        expect(zhParsed.command, zh).toBe(c);
        const [zhReply, enReply] = await Promise.all([
          c.run(zhParsed.input, context('zh-CN')),
          c.run(enParsed.input, context('zh-CN')),
        ]);
        // /ask answers in the language of the question, so its translated example gets the same answer in Chinese.
        if (c.definition.name === 'ask') expect(visibleText(zhReply), zh).toMatch(/\p{Script=Han}/u);
        else expect(visibleText(zhReply), zh).toBe(visibleText(enReply));
      }
    }
  });
});
