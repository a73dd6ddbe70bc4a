import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import type { CommandDefinition, OptionDefinition } from '../../src/commands/types.js';
import {
  countCharacters,
  toApplicationCommand,
  toApplicationCommands,
  validateDefinitions,
} from '../../src/discord/definitions.js';

const definitions = commands.map((c) => c.definition);

function option(name: string, extra: Partial<OptionDefinition> = {}): OptionDefinition {
  return {
    name,
    nameZh: `${name}中`,
    description: { en: `The ${name}`, 'zh-CN': `${name}说明` },
    type: 'string',
    ...extra,
  };
}

function command(extra: Partial<CommandDefinition> = {}): CommandDefinition {
  return {
    name: 'city',
    nameZh: '城市',
    description: { en: 'Look up a sister city', 'zh-CN': '查询友好城市' },
    options: [option('name', { required: true, autocomplete: true })],
    ...extra,
  };
}

function problems(...defs: CommandDefinition[]): string {
  return validateDefinitions(defs).join('\n');
}

describe('the real commands', () => {
  it('are all accepted by Discord’s rules', () => {
    expect(definitions.length).toBeGreaterThan(0);
    expect(validateDefinitions(definitions)).toEqual([]);
  });

  it('carry zh-CN names and descriptions everywhere', () => {
    for (const json of toApplicationCommands(definitions)) {
      expect(json.name_localizations?.['zh-CN']).toBeTruthy();
      if (json.type === 1) {
        expect(json.description_localizations?.['zh-CN']).toBeTruthy();
        for (const o of json.options ?? []) {
          expect(o.name_localizations?.['zh-CN']).toBeTruthy();
          expect(o.description_localizations?.['zh-CN']).toBeTruthy();
        }
      }
    }
  });
});

describe('toApplicationCommand', () => {
  it('maps a definition to Discord’s JSON, localized', () => {
    const json = toApplicationCommand(
      command({
        options: [
          option('name', { required: true, autocomplete: true, maxLength: 100 }),
          option('kind', { choices: [{ name: { en: 'Friendship', 'zh-CN': '友好城市' }, value: 'friendship' }] }),
          option('rounds', { type: 'integer', minValue: 1, maxValue: 20 }),
          option('public', { type: 'boolean' }),
          option('rival', { type: 'user' }),
        ],
      }),
    );
    expect(json).toEqual({
      type: 1,
      name: 'city',
      name_localizations: { 'zh-CN': '城市' },
      description: 'Look up a sister city',
      description_localizations: { 'zh-CN': '查询友好城市' },
      contexts: [0, 1],
      integration_types: [0],
      options: [
        {
          type: 3,
          name: 'name',
          name_localizations: { 'zh-CN': 'name中' },
          description: 'The name',
          description_localizations: { 'zh-CN': 'name说明' },
          required: true,
          autocomplete: true,
          max_length: 100,
        },
        expect.objectContaining({
          type: 3,
          name: 'kind',
          choices: [{ name: 'Friendship', name_localizations: { 'zh-CN': '友好城市' }, value: 'friendship' }],
        }),
        expect.objectContaining({ type: 4, name: 'rounds', min_value: 1, max_value: 20 }),
        expect.objectContaining({ type: 5, name: 'public' }),
        expect.objectContaining({ type: 6, name: 'rival' }),
      ],
    });
  });

  it('maps subcommands, and keeps server-only commands out of DMs', () => {
    const json = toApplicationCommand({
      name: 'quiz',
      nameZh: '问答',
      description: { en: 'Play a quiz', 'zh-CN': '玩问答' },
      dmPermission: false,
      subcommands: [
        {
          name: 'start',
          nameZh: '开始',
          description: { en: 'Start', 'zh-CN': '开始' },
          options: [option('rounds', { type: 'integer' })],
        },
        { name: 'stop', nameZh: '停止', description: { en: 'Stop', 'zh-CN': '停止' } },
      ],
    });
    expect(json.contexts).toEqual([0]);
    expect(json.type === 1 && json.options).toEqual([
      expect.objectContaining({
        type: 1,
        name: 'start',
        options: [expect.objectContaining({ type: 4, name: 'rounds' })],
      }),
      expect.objectContaining({ type: 1, name: 'stop', options: [] }),
    ]);
  });

  it('maps a message command without description or options', () => {
    const json = toApplicationCommand({
      type: 'message',
      name: 'Ask Youcheng',
      nameZh: '问友城',
      description: { en: 'unused', 'zh-CN': '不显示' },
    });
    expect(json).toEqual({
      type: 3,
      name: 'Ask Youcheng',
      name_localizations: { 'zh-CN': '问友城' },
      contexts: [0, 1],
      integration_types: [0],
    });
  });
});

describe('validateDefinitions catches what Discord would reject', () => {
  it('accepts a good definition', () => {
    expect(validateDefinitions([command()])).toEqual([]);
  });

  it.each([
    ['a space in a name', command({ name: 'sister city' }), /must be 1-32 letters/],
    ['an uppercase name', command({ name: 'City' }), /must be lowercase/],
    ['a 33-character name', command({ name: 'c'.repeat(33) }), /must be 1-32/],
    ['punctuation in a name', command({ name: 'city!' }), /must be 1-32 letters/],
    ['a bad localized name', command({ nameZh: '城 市' }), /\(zh-CN\): name "城 市"/],
    [
      'an uppercase option name',
      command({ options: [option('Name')] }),
      /option "Name": name "Name" must be lowercase/,
    ],
    ['an empty description', command({ description: { en: '', 'zh-CN': '查询' } }), /en description must be 1-100/],
    ['a 101-character description', command({ description: { en: 'x'.repeat(101), 'zh-CN': '查询' } }), /has 101/],
    [
      'a long localized description',
      command({ description: { en: 'ok', 'zh-CN': '长'.repeat(101) } }),
      /zh-CN description/,
    ],
    ['26 options', command({ options: Array.from({ length: 26 }, (_, i) => option(`o${i}`)) }), /26 options/],
    [
      'required after optional',
      command({ options: [option('a'), option('b', { required: true })] }),
      /required options must come before/,
    ],
    [
      'duplicate option names',
      command({ options: [option('a'), option('a', { nameZh: '乙' })] }),
      /duplicate option name/,
    ],
    [
      'duplicate localized option names',
      command({ options: [option('a', { nameZh: '甲' }), option('b', { nameZh: '甲' })] }),
      /duplicate zh-CN option name/,
    ],
    [
      'a localized name that is another option’s name',
      command({ options: [option('a', { nameZh: 'b' }), option('b')] }),
      /is another option's name/,
    ],
    [
      '26 choices',
      command({
        options: [
          option('k', {
            choices: Array.from({ length: 26 }, (_, i) => ({
              name: { en: `c${i}`, 'zh-CN': `选${i}` },
              value: `c${i}`,
            })),
          }),
        ],
      }),
      /26 choices/,
    ],
    [
      'choices and autocomplete',
      command({
        options: [option('k', { autocomplete: true, choices: [{ name: { en: 'a', 'zh-CN': '甲' }, value: 'a' }] })],
      }),
      /both choices and autocomplete/,
    ],
    [
      'a choice value of the wrong type',
      command({
        options: [option('n', { type: 'integer', choices: [{ name: { en: 'one', 'zh-CN': '一' }, value: 'one' }] })],
      }),
      /must be an integer/,
    ],
    [
      'a choice name over 100',
      command({ options: [option('k', { choices: [{ name: { en: 'x'.repeat(101), 'zh-CN': '甲' }, value: 'a' }] })] }),
      /choice name/,
    ],
    [
      'choices on a boolean',
      command({
        options: [option('b', { type: 'boolean', choices: [{ name: { en: 'yes', 'zh-CN': '是' }, value: 'y' }] })],
      }),
      /cannot have choices/,
    ],
    [
      'min above max',
      command({ options: [option('n', { type: 'integer', minValue: 5, maxValue: 1 })] }),
      /minValue is greater/,
    ],
    ['min on a string', command({ options: [option('s', { minValue: 1 })] }), /apply only to integer/],
    ['maxLength 0', command({ options: [option('s', { maxLength: 0 })] }), /maxLength must be/],
    [
      'autocomplete on a user',
      command({ options: [option('u', { type: 'user', autocomplete: true })] }),
      /cannot autocomplete/,
    ],
    [
      'options and subcommands',
      command({ subcommands: [{ name: 'start', nameZh: '开始', description: { en: 'Start', 'zh-CN': '开始' } }] }),
      /both options and subcommands/,
    ],
    [
      'duplicate subcommands',
      command({
        options: undefined,
        subcommands: [
          { name: 'start', nameZh: '开始', description: { en: 'Start', 'zh-CN': '开始' } },
          { name: 'start', nameZh: '开始二', description: { en: 'Again', 'zh-CN': '再次' } },
        ],
      }),
      /duplicate subcommand name/,
    ],
    [
      'more than 8,000 characters in all',
      command({
        options: Array.from({ length: 4 }, (_, i) =>
          option(`o${i}`, {
            description: { en: 'd'.repeat(100), 'zh-CN': '述'.repeat(100) },
            choices: Array.from({ length: 25 }, (_, j) => ({
              name: { en: 'n'.repeat(40), 'zh-CN': '名'.repeat(40) },
              value: `v${j}`,
            })),
          }),
        ),
      }),
      /characters of names, descriptions and choices; Discord allows 8000/,
    ],
  ])('%s', (_rule, definition, expected) => {
    expect(problems(definition)).toMatch(expected);
  });

  it('counts names, descriptions and choices in every language', () => {
    const def = command({
      options: [option('k', { choices: [{ name: { en: 'ab', 'zh-CN': '甲乙' }, value: 'xyz' }] })],
    });
    const expected =
      'city'.length +
      '城市'.length +
      'Look up a sister city'.length +
      '查询友好城市'.length +
      'k'.length +
      'k中'.length +
      'The k'.length +
      'k说明'.length +
      2 +
      2 +
      3;
    expect(countCharacters(def)).toBe(expected);
  });

  it('rejects two commands with one name', () => {
    expect(problems(command(), command())).toMatch(/two commands share this name/);
  });

  it('checks message commands by their own rules', () => {
    const ask: CommandDefinition = {
      type: 'message',
      name: 'Ask Youcheng',
      nameZh: '问友城',
      description: { en: '', 'zh-CN': '' },
    };
    expect(validateDefinitions([ask])).toEqual([]);
    expect(problems({ ...ask, name: 'Ask: Youcheng' })).toMatch(/must not contain ":"/);
    expect(problems({ ...ask, name: 'A'.repeat(33) })).toMatch(/must be 1-32 characters/);
    expect(problems({ ...ask, options: [option('x')] })).toMatch(/takes no options/);
  });
});
