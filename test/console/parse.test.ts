import { describe, expect, it } from 'vitest';
import { ParseError, parseCommandLine, usage } from '../../src/console/parse.js';
import { fakeCommands } from './fake-commands.js';

const parse = (line: string, locale: 'en' | 'zh-CN' = 'en') => {
  const { command, input } = parseCommandLine(line, fakeCommands, locale);
  return { name: command.definition.name, ...input };
};
const errorOf = (line: string, locale: 'en' | 'zh-CN' = 'en'): string => {
  try {
    parseCommandLine(line, fakeCommands, locale);
  } catch (error) {
    expect(error).toBeInstanceOf(ParseError);
    return (error as Error).message;
  }
  throw new Error(`"${line}" parsed`);
};

describe('parseCommandLine: what Discord would accept', () => {
  it('fills the first string option with the text after the command', () => {
    expect(parse('/city Duisburg')).toEqual({ name: 'city', options: { name: 'Duisburg' } });
    expect(parse('/city Porto Alegre')).toEqual({ name: 'city', options: { name: 'Porto Alegre' } });
    expect(parse('  /city   Duisburg  ')).toEqual({ name: 'city', options: { name: 'Duisburg' } });
    expect(parse('/count Germany tier:friendship').options).toEqual({ country: 'Germany', tier: 'friendship' });
  });

  it('reads name:value, quoted or running until the next option', () => {
    expect(parse('/city name:"Porto Alegre"').options).toEqual({ name: 'Porto Alegre' });
    expect(parse('/city name:Porto Alegre').options).toEqual({ name: 'Porto Alegre' });
    expect(parse('/city name: Porto Alegre ').options).toEqual({ name: 'Porto Alegre' });
    expect(parse('/city "Porto Alegre"').options).toEqual({ name: 'Porto Alegre' });
    expect(parse("/city name:'Xi\\'an'").options).toEqual({ name: "Xi'an" });
    expect(parse('/city name:Xi’an').options).toEqual({ name: 'Xi’an' });
    expect(parse('/count country:Germany tier:friendship').options).toEqual({ country: 'Germany', tier: 'friendship' });
    expect(parse('/count tier:exchange country:United Kingdom').options).toEqual({
      country: 'United Kingdom',
      tier: 'exchange',
    });
  });

  it('keeps colons that are not options: times, URLs, quoted text, text after a value', () => {
    expect(parse('/ask question:"what about tier: x?"').options).toEqual({ question: 'what about tier: x?' });
    expect(parse('/ask what happened at 10:30').options).toEqual({ question: 'what happened at 10:30' });
    expect(parse('/ask see https://example.org').options).toEqual({ question: 'see https://example.org' });
    expect(parse('/ask question:Wuhan: which cities?').options).toEqual({ question: 'Wuhan: which cities?' });
    expect(parse('/ask Wuhan: which cities?').options).toEqual({ question: 'Wuhan: which cities?' });
    expect(parse('/ask 武汉：有哪些友城').options).toEqual({ question: '武汉：有哪些友城' });
    expect(parse('/ask note: tier:friendship').options).toEqual({ question: 'note: tier:friendship' });
  });

  it('takes a message command’s whole line as the message text, as the Apps menu passes it', () => {
    expect(parse('/Ask Youcheng is Paris a sister city?')).toEqual({
      name: 'Ask Youcheng',
      options: { message: 'is Paris a sister city?' },
    });
    expect(parse('/问友城 武汉有几个友城')).toEqual({ name: 'Ask Youcheng', options: { message: '武汉有几个友城' } });
    expect(parse('ask youcheng  name:x "quoted" 10:30').options).toEqual({ message: 'name:x "quoted" 10:30' });
    // The one-word chat command is still itself.
    expect(parse('/ask is Paris a sister city?')).toEqual({
      name: 'ask',
      options: { question: 'is Paris a sister city?' },
    });
    expect(parse('/Ask Youchengs?')).toEqual({ name: 'ask', options: { question: 'Youchengs?' } });
  });

  it('reads subcommands, integers and ranges', () => {
    expect(parse('/quiz start rounds:5')).toEqual({ name: 'quiz', subcommand: 'start', options: { rounds: 5 } });
    expect(parse('/quiz start 7')).toEqual({ name: 'quiz', subcommand: 'start', options: { rounds: 7 } });
    expect(parse('/quiz stop')).toEqual({ name: 'quiz', subcommand: 'stop', options: {} });
    expect(parse('/timeline from:1990 to:2000').options).toEqual({ from: 1990, to: 2000 });
    expect(parse('/timeline').options).toEqual({});
  });

  it('takes commands without options', () => {
    expect(parse('/pages')).toEqual({ name: 'pages', options: {} });
  });

  it('accepts Chinese command, subcommand and option names and a full-width colon', () => {
    expect(parse('/city 名称:大分').options).toEqual({ name: '大分' });
    expect(parse('/城市 名称：大分')).toEqual({ name: 'city', options: { name: '大分' } });
    expect(parse('/测验 开始 轮数:3')).toEqual({ name: 'quiz', subcommand: 'start', options: { rounds: 3 } });
    expect(parse('／city 大分').options).toEqual({ name: '大分' });
  });

  it('accepts a choice by its value or its English or Chinese name', () => {
    expect(parse('/count tier:friendship').options).toEqual({ tier: 'friendship' });
    expect(parse('/count tier:Friendly exchange city').options).toEqual({ tier: 'exchange' });
    expect(parse('/count tier:国际友好城市').options).toEqual({ tier: 'friendship' });
    expect(parse('/options size:big').options).toEqual({ size: 2 });
    expect(parse('/options size:1').options).toEqual({ size: 1 });
  });

  it('reads booleans and users', () => {
    expect(parse('/options flag:true who:<@123>').options).toEqual({ flag: true, who: { id: '123', name: '123' } });
    expect(parse('/options flag:no').options).toEqual({ flag: false });
    expect(parse('/options who:<@!45>').options).toEqual({ who: { id: '45', name: '45' } });
    expect(parse('/options who:678').options).toEqual({ who: { id: '678', name: '678' } });
  });

  it('is case-insensitive about names and allows a missing slash', () => {
    expect(parse('/CITY NAME:Duisburg').options).toEqual({ name: 'Duisburg' });
    expect(parse('city Duisburg').options).toEqual({ name: 'Duisburg' });
  });
});

describe('parseCommandLine: errors say what is valid', () => {
  it('unknown or missing command lists the commands', () => {
    expect(errorOf('/foo')).toBe(
      'Unknown command /foo. Commands: /city, /count, /timeline, /ask, /Ask Youcheng <message text>, /options, /quiz, /pages, /fail, /crash',
    );
    // No slash typed, none invented; a near miss is suggested.
    expect(errorOf('hello')).toMatch(/^Unknown command “hello”\. Commands start with \/: \/city, \/count,/);
    expect(errorOf('/cty Duisburg')).toMatch(/^Unknown command \/cty\. Did you mean \/city\? Commands: \/city,/);
    expect(errorOf('/')).toMatch(/^Type a command, for example \/city Duisburg\. Commands: \/city, /);
    expect(errorOf('   ')).toMatch(/^Type a command/);
  });

  it('missing or unknown subcommand lists the subcommands', () => {
    expect(errorOf('/quiz')).toBe('/quiz needs a subcommand: start, stop');
    expect(errorOf('/quiz begin')).toBe('Unknown subcommand “begin” for /quiz. Subcommands: start, stop');
  });

  it('a message command without text shows its usage', () => {
    expect(errorOf('/Ask Youcheng')).toBe('Type the message’s text after the command: /Ask Youcheng <message text>');
    expect(errorOf(`/Ask Youcheng ${'x'.repeat(4001)}`)).toBe(
      'message text can be at most 4000 characters long; this one has 4001.',
    );
  });

  it('unknown option lists the options, wherever it stands', () => {
    expect(errorOf('/city town:Duisburg')).toBe(
      'Unknown option “town” for /city. Options: name. (To type a colon inside a value, put the value in quotes.)',
    );
    expect(errorOf('/city name:Duisburg bogus:1')).toMatch(/^Unknown option “bogus” for \/city\./);
    expect(errorOf('/city Duisburg bogus:1')).toMatch(/^Unknown option “bogus” for \/city\./);
    expect(errorOf('/count Germany tier:friendship note:x')).toMatch(
      /^Unknown option “note” for \/count\. Options: country, tier\./,
    );
    // In prose a colon is natural, but a typo of the option's name at the start is still caught.
    expect(errorOf('/ask questoin:Wuhan')).toMatch(/^Unknown option “questoin” for \/ask\. Options: question\./);
    // A near miss of a real name is caught even after another value.
    expect(errorOf('/count country:Germany tierr:friendship')).toMatch(
      /^Unknown option “tierr” for \/count\. Options: country, tier\./,
    );
    expect(errorOf('/quiz start round:5')).toMatch(/^Unknown option “round” for \/quiz start\. Options: rounds\./);
  });

  it('text for a command without options', () => {
    expect(errorOf('/pages 2')).toBe('/pages takes no options, but got “2”.');
  });

  it('missing required option shows the usage', () => {
    expect(errorOf('/city')).toBe('Missing required option name. Usage: /city name:<text>');
    expect(errorOf('/city name:')).toBe('Option name needs a value.');
    expect(errorOf('/city name:""')).toBe('Option name needs a value.');
  });

  it('an option given twice', () => {
    expect(errorOf('/city name:a name:b')).toBe('Option name is given twice.');
  });

  it('text that fits no option', () => {
    expect(errorOf('/timeline 1990 from:1990 to:2000')).toBe(
      '“1990” fits no option of /timeline. Usage: /timeline [from:<1900-2100>] [to:<1900-2100>]',
    );
  });

  it('wrong types', () => {
    expect(errorOf('/quiz start rounds:five')).toBe('rounds must be a whole number, not “five”.');
    expect(errorOf('/quiz start rounds:2.5')).toBe('rounds must be a whole number, not “2.5”.');
    expect(errorOf('/quiz start rounds:1e3')).toBe('rounds must be a whole number, not “1e3”.');
    expect(errorOf('/options flag:maybe')).toBe('flag must be true or false, not “maybe”.');
    expect(errorOf('/options who:abc')).toBe('who option expects a mention like <@123> or an id, not “abc”.');
    expect(errorOf('/options who:@ann')).toBe('who option expects a mention like <@123> or an id, not “@ann”.');
  });

  it('out of range', () => {
    expect(errorOf('/quiz start rounds:0')).toBe('rounds must be at least 1, not 0.');
    expect(errorOf('/quiz start rounds:21')).toBe('rounds must be at most 20, not 21.');
    expect(errorOf('/timeline from:1800')).toBe('from must be at least 1900, not 1800.');
  });

  it('too long, counting characters as Discord does', () => {
    expect(errorOf(`/city ${'x'.repeat(101)}`)).toBe('name can be at most 100 characters long; this one has 101.');
    expect(parse(`/city ${'城'.repeat(100)}`).options.name).toHaveLength(100);
    expect(errorOf(`/ask ${'x'.repeat(6001)}`)).toBe(
      'question can be at most 6000 characters long; this one has 6001.',
    );
  });

  it('bad choice lists the choices', () => {
    expect(errorOf('/count tier:sister')).toBe(
      'tier must be one of: friendship, exchange. “sister” is not one of them.',
    );
  });

  it('quotes typed text back short and without control characters', () => {
    expect(errorOf(`/${'y'.repeat(6000)}`)).toMatch(new RegExp(`^Unknown command /${'y'.repeat(59)}…\\. Commands:`));
    expect(errorOf('/count tier:\u001b[2Jx')).toBe(
      'tier must be one of: friendship, exchange. “?[2Jx” is not one of them.',
    );
  });

  it('speaks Chinese when asked, naming options in Chinese with the English after them', () => {
    expect(errorOf('/foo', 'zh-CN')).toMatch(/^没有 \/foo 这个命令。命令：\/城市（city）、\/数量（count）、/);
    expect(errorOf('/foo', 'zh-CN')).toContain('、/问友城（Ask Youcheng） <消息文本>、');
    expect(errorOf('/quiz start rounds:0', 'zh-CN')).toBe('轮数（rounds）至少为 1，而不是 0。');
    expect(errorOf('/测验 开始 轮数:abc', 'zh-CN')).toBe('轮数（rounds）必须是整数，而不是“abc”。');
    expect(errorOf('/timeline 从:2010', 'zh-CN')).toBe(
      '/时间线 没有选项“从”。选项：起始（from）、截止（to）。（值里要有冒号时，请给值加引号。）',
    );
    expect(errorOf('/count tier:x', 'zh-CN')).toBe(
      '级别（tier）只能是：国际友好城市（friendship）、友好交流城市（exchange）。“x”不在其中。',
    );
    expect(errorOf('/city', 'zh-CN')).toBe('缺少必填选项“名称（name）”。用法：/城市 名称:<文本>');
    expect(errorOf('/quiz', 'zh-CN')).toBe('/测验 需要一个子命令：开始（start）、结束（stop）');
  });
});

describe('usage', () => {
  it('marks optional options and shows choices and ranges', () => {
    const count = fakeCommands.find((c) => c.definition.name === 'count')!.definition;
    expect(usage(count, undefined, 'en')).toBe('/count [country:<text>] [tier:friendship|exchange]');
    const quiz = fakeCommands.find((c) => c.definition.name === 'quiz')!.definition;
    expect(usage(quiz, undefined, 'en')).toBe('/quiz start|stop');
    expect(usage(quiz, quiz.subcommands![0], 'en')).toBe('/quiz start [rounds:<1-20>]');
  });

  it('is written in Chinese as a Chinese user types it', () => {
    const count = fakeCommands.find((c) => c.definition.name === 'count')!.definition;
    expect(usage(count, undefined, 'zh-CN')).toBe('/数量 [国家:<文本>] [级别:国际友好城市|友好交流城市]');
    const quiz = fakeCommands.find((c) => c.definition.name === 'quiz')!.definition;
    expect(usage(quiz, quiz.subcommands![0], 'zh-CN')).toBe('/测验 开始 [轮数:<1-20>]');
  });

  it('shows a message command with its text', () => {
    const askMessage = fakeCommands.find((c) => c.definition.type === 'message')!.definition;
    expect(usage(askMessage, undefined, 'en')).toBe('/Ask Youcheng <message text>');
    expect(usage(askMessage, undefined, 'zh-CN')).toBe('/问友城 <消息文本>');
  });
});
