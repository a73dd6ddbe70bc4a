// The two ways to ask: the /ask slash command and the "Ask Youcheng" message context-menu command.
import { describe, expect, it } from 'vitest';
import { command as askMessage } from '../../src/commands/ask-message.js';
import { command as ask } from '../../src/commands/ask.js';
import { commands, findCommand } from '../../src/commands/index.js';
import { parseCommandLine } from '../../src/console/parse.js';
import { context, run } from '../commands/context.js';
import { visibleText } from './evaluate.js';

describe('/ask', () => {
  it('is listed, with a required question option named in both languages', () => {
    expect(findCommand('ask')).toBe(ask);
    const option = ask.definition.options[0]!;
    expect(option).toMatchObject({ name: 'question', nameZh: '问题', type: 'string', required: true });
    expect(ask.definition.nameZh).toBe('提问');
  });

  it('answers the question with the facts and their sources', async () => {
    const { text } = visibleText(await run(ask, { question: 'When did Wuhan and Duisburg become sister cities?' }));
    expect(text).toContain('8 October 1982');
    expect(text).toContain('duisburg.de');
  });

  it('answers a Chinese question in Chinese even for an English-speaking server', async () => {
    const { text } = visibleText(await run(ask, { question: '德国有哪些武汉的友好城市？' }, 'en'));
    expect(text).toContain('杜伊斯堡');
    expect(text).toContain('来源');
  });

  it('answers a question without letters in the server’s language, asking for words', async () => {
    const { text } = visibleText(await run(ask, { question: '???' }, 'zh-CN'));
    expect(text).toContain('我只能读懂用文字写的问题');
  });

  it('is what the console runs for "/ask question:…"', async () => {
    const parsed = parseCommandLine('/ask question:武汉第一个友好城市是哪个？', commands);
    expect(parsed.command).toBe(ask);
    const { text } = visibleText(await parsed.command.run(parsed.input, context('en')));
    expect(text).toContain('1979年9月7日');
  });
});

describe('Ask Youcheng (message command)', () => {
  it('is a message command named "Ask Youcheng" / "问友城", with no options', () => {
    expect(commands).toContain(askMessage);
    expect(askMessage.definition).toMatchObject({ type: 'message', name: 'Ask Youcheng', nameZh: '问友城' });
    expect(askMessage.definition).not.toHaveProperty('options');
  });

  it('answers the question written in the target message', async () => {
    const { text } = visibleText(
      await askMessage.run({ options: { message: 'Is Arnhem still a sister city of Wuhan?' } }, context('en')),
    );
    expect(text).toContain('21 July 2021');
  });

  it('finds the question at the end of a long message (Discord allows 2,000, or 4,000 with Nitro)', async () => {
    const preamble = 'We visited the river festival last summer and had a wonderful time with the delegation. '.repeat(
      20,
    );
    const { answer } = visibleText(
      await askMessage.run(
        { options: { message: `${preamble}Is Arnhem still a sister city of Wuhan?` } },
        context('en'),
      ),
    );
    expect(preamble.length).toBeGreaterThan(1500);
    expect(answer).toContain('21 July 2021');
    expect(answer).not.toContain('I don’t know');
  });

  it('says so when the message has no text (an image, a sticker)', async () => {
    const { text } = visibleText(await askMessage.run({ options: {} }, context('en')));
    expect(text).toContain('Your question was empty');
  });
});
