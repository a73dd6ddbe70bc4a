import { describe, expect, it } from 'vitest';
import { command as about } from '../../src/commands/about.js';
import { command as help } from '../../src/commands/help.js';
import { commands } from '../../src/commands/index.js';
import type { Command } from '../../src/commands/types.js';
import { coverageSentence } from '../../src/domain/facts/coverage.js';
import { app, run, visibleText } from './context.js';

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
});

describe('/help', () => {
  it('lists every command in the index with its example', async () => {
    const text = visibleText(await run(help));
    for (const c of commands) {
      const { name, type, description } = c.definition;
      expect(text).toContain(type === 'message' ? `**${name}** (on a message` : `**/${name}**: ${description.en}`);
      if (c.examples?.[0]) expect(text).toContain(`\`${c.examples[0]}\``);
    }
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

  it('shows the Chinese command names in zh-CN', async () => {
    const text = visibleText(await run(help, {}, 'zh-CN'));
    expect(text).toContain('**/city**（城市）');
    expect(text).toContain('例：`/city name:Duisburg`');
  });
});
