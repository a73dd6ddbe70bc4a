import { PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { App } from '../../src/app/app.js';
import { UserError, type Command, type CommandContext, type CommandInput } from '../../src/commands/types.js';
import { createRouter, DEFER_AFTER_MS } from '../../src/discord/router.js';
import { createLogger } from '../../src/log.js';
import type { ComponentResult, Reply } from '../../src/reply/reply.js';
import { createFakeDiscord, MEMBER_PERMISSIONS, type FakeDiscordOptions } from '../helpers/discord.js';

// The router never reads the App itself; it hands it to commands, and these fake ones ignore it.
const app = { version: '0.0.0-test', now: () => new Date('2025-01-01T00:00:00Z') } as unknown as App;

interface Seen {
  input?: CommandInput;
  ctx?: CommandContext;
  component?: { id: string; values: string[] };
}

/** A tiny command whose behaviour each test sets. */
function fakeCommand(
  seen: Seen,
  behaviour: {
    run?: (input: CommandInput, ctx: CommandContext) => Reply | Promise<Reply>;
    component?: (id: string, values: string[]) => ComponentResult | Promise<ComponentResult>;
  } = {},
): Command {
  return {
    definition: {
      name: 'fake',
      nameZh: '假',
      description: { en: 'A command for tests', 'zh-CN': '测试用命令' },
      options: [
        {
          name: 'text',
          nameZh: '文本',
          description: { en: 'Text', 'zh-CN': '文本' },
          type: 'string',
          autocomplete: true,
        },
      ],
    },
    run(input, ctx) {
      seen.input = input;
      seen.ctx = ctx;
      return behaviour.run ? behaviour.run(input, ctx) : { content: `Hello ${input.options.text ?? ''}` };
    },
    autocomplete(focused) {
      if (focused.value === 'boom') throw new Error('autocomplete exploded');
      return Array.from({ length: 40 }, (_, i) => ({
        name: `${focused.value} ${i} ${'x'.repeat(120)}`,
        value: `v${i}`,
      }));
    },
    component(id, values, ctx) {
      seen.component = { id, values };
      seen.ctx = ctx;
      return behaviour.component
        ? behaviour.component(id, values)
        : { kind: 'update', reply: { content: `clicked ${id}` } };
    },
  };
}

function setup(commands: (seen: Seen) => Command[], fake: FakeDiscordOptions = {}, deferAfterMs?: number) {
  const seen: Seen = {};
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', write: (line) => lines.push(line) });
  const discord = createFakeDiscord(fake);
  const router = createRouter(app, commands(seen), { log, ...(deferAfterMs !== undefined ? { deferAfterMs } : {}) });
  return { seen, lines, discord, router };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('slash commands', () => {
  it('replies with the rendered body, mentions disabled', async () => {
    const { discord, router } = setup((seen) => [
      fakeCommand(seen, { run: () => ({ content: '@everyone look', cards: [{ title: 'Duisburg' }] }) }),
    ]);
    const i = discord.chatInput('fake', { text: 'x' });
    await router.handle(i);
    const [sent] = discord.recorded(i);
    expect(sent?.kind).toBe('reply');
    expect(sent?.data.content).toBe('@everyone look');
    expect(sent?.data.allowed_mentions).toEqual({ parse: [] });
    expect(sent?.data.embeds[0].title).toBe('Duisburg');
    expect(sent?.data.flags ?? 0).toBe(0);
  });

  it('marks an ephemeral reply so only the asking user sees it', async () => {
    const { discord, router } = setup((seen) => [
      fakeCommand(seen, { run: () => ({ content: 'secret', ephemeral: true }) }),
    ]);
    const i = discord.chatInput('fake');
    await router.handle(i);
    expect(discord.recorded(i)[0]?.data.flags).toBe(64);
  });

  it('passes typed options, the subcommand and users by display name', async () => {
    const { seen, discord, router } = setup((s) => [fakeCommand(s)]);
    const i = discord.chatInput(
      'fake',
      {
        text: 'Wuhan',
        rounds: 5,
        ratio: 0.5,
        public: true,
        rival: { user: { username: 'bob', globalName: 'Bobby', nick: '*Bob*' } },
      },
      { subcommand: 'start', nick: 'Asker' },
    );
    await router.handle(i);
    expect(seen.input?.subcommand).toBe('start');
    expect(seen.input?.options).toMatchObject({ text: 'Wuhan', rounds: 5, ratio: 0.5, public: true });
    // A nickname wins over the global name, with its markdown escaped so it shows as typed.
    expect(seen.input?.options.rival).toMatchObject({ name: '\\*Bob\\*' });
    expect(seen.ctx?.user.name).toBe('Asker');
  });

  it('falls back from nickname to global name to username', async () => {
    const { seen, discord, router } = setup((s) => [fakeCommand(s)]);
    await router.handle(
      discord.chatInput('fake', {
        a: { user: { username: 'carol', globalName: 'Carol C' } },
        b: { user: { username: 'dave' } },
      }),
    );
    expect(seen.input?.options.a).toMatchObject({ name: 'Carol C' });
    expect(seen.input?.options.b).toMatchObject({ name: 'dave' });
  });

  it('answers in the server language, keeping the user language for private replies', async () => {
    const { seen, discord, router } = setup((s) => [fakeCommand(s)]);
    await router.handle(discord.chatInput('fake', {}, { locale: 'en-GB', guildLocale: 'zh-CN' }));
    expect(seen.ctx?.locale).toBe('zh-CN');
    expect(seen.ctx?.userLocale).toBe('en');

    await router.handle(discord.chatInput('fake', {}, { locale: 'zh-TW', guildLocale: 'en-US' }));
    expect(seen.ctx?.locale).toBe('en');
    expect(seen.ctx?.userLocale).toBe('zh-CN');
  });

  it('uses the user language in a DM, where there is no server', async () => {
    const { seen, discord, router } = setup((s) => [fakeCommand(s)]);
    await router.handle(discord.chatInput('fake', {}, { guildId: null, locale: 'zh-CN' }));
    expect(seen.ctx?.locale).toBe('zh-CN');
    expect(seen.ctx?.guildId).toBeNull();
    expect(seen.ctx?.canManageMessages).toBe(false);
  });

  it('tells moderators apart by the Manage Messages permission', async () => {
    const { seen, discord, router } = setup((s) => [fakeCommand(s)]);
    await router.handle(discord.chatInput('fake'));
    expect(seen.ctx?.canManageMessages).toBe(false);
    await router.handle(
      discord.chatInput('fake', {}, { permissions: MEMBER_PERMISSIONS | PermissionFlagsBits.ManageMessages }),
    );
    expect(seen.ctx?.canManageMessages).toBe(true);
  });

  it('answers a command it no longer has, privately', async () => {
    const { discord, router } = setup((s) => [fakeCommand(s)]);
    const i = discord.chatInput('removed', {}, { locale: 'zh-CN' });
    await router.handle(i);
    const [sent] = discord.recorded(i);
    expect(sent?.data.flags).toBe(64);
    expect(sent?.data.content).toContain('/help');
    expect(sent?.data.content).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('the error boundary', () => {
  it('turns an unexpected error into a private apology and logs the details', async () => {
    const { discord, router, lines } = setup((s) => [
      fakeCommand(s, {
        run: () => {
          throw new Error('database on fire');
        },
      }),
    ]);
    const i = discord.chatInput('fake', {}, { locale: 'zh-CN', guildLocale: 'en-US' });
    await expect(router.handle(i)).resolves.toBeUndefined();
    const [sent] = discord.recorded(i);
    expect(sent?.kind).toBe('reply');
    expect(sent?.data.flags).toBe(64);
    expect(sent?.data.content).toBe('我这边出了点问题，请稍后再试。');
    expect(sent?.data.content).not.toContain('database');
    const logged = lines.join('');
    expect(logged).toContain('"level":"error"');
    expect(logged).toContain('database on fire');
  });

  it('shows a UserError its own message and does not log it as an error', async () => {
    const { discord, router, lines } = setup((s) => [
      fakeCommand(s, {
        run: async () => {
          throw new UserError('No game is running here.');
        },
      }),
    ]);
    const i = discord.chatInput('fake');
    await router.handle(i);
    expect(discord.recorded(i)[0]?.data).toMatchObject({ content: 'No game is running here.', flags: 64 });
    expect(lines.join('')).not.toContain('"level":"error"');
  });

  it('never throws when even the apology cannot be delivered, and keeps tokens out of the log', async () => {
    const { discord, router, lines } = setup(
      (s) => [fakeCommand(s)],
      // Every callback fails as if the interaction had expired.
      {
        respond: (r) =>
          r.path.endsWith('/callback')
            ? { status: 404, body: { message: 'Unknown interaction', code: 10062 } }
            : undefined,
      },
    );
    const i = discord.chatInput('fake');
    await expect(router.handle(i)).resolves.toBeUndefined();
    const logged = lines.join('');
    expect(logged).toContain('Unknown interaction');
    expect(logged).toContain('"msg":"could not report a failure to the user"');
    expect(logged).not.toContain(i.token);
  });
});

describe('slow commands', () => {
  it('defers before Discord’s 3 s deadline, then edits the answer in', async () => {
    vi.useFakeTimers();
    let finish!: (reply: Reply) => void;
    const { discord, router } = setup((s) => [
      fakeCommand(s, {
        run: () =>
          new Promise<Reply>((resolve) => {
            finish = resolve;
          }),
      }),
    ]);
    const i = discord.chatInput('fake');
    const handled = router.handle(i);
    await vi.advanceTimersByTimeAsync(DEFER_AFTER_MS);
    expect(DEFER_AFTER_MS).toBeLessThan(3000);
    expect(discord.recorded(i).map((s) => s.kind)).toEqual(['deferReply']);
    finish({ content: 'done at last' });
    await handled;
    const sent = discord.recorded(i);
    expect(sent.map((s) => s.kind)).toEqual(['deferReply', 'editReply']);
    expect(sent[1]?.data).toMatchObject({ content: 'done at last', allowed_mentions: { parse: [] } });
  });

  it('does not defer a command that answers in time', async () => {
    const { discord, router } = setup((s) => [fakeCommand(s, { run: async () => ({ content: 'quick' }) })]);
    const i = discord.chatInput('fake');
    await router.handle(i);
    expect(discord.recorded(i).map((s) => s.kind)).toEqual(['reply']);
  });

  it('moves a private answer out of a public placeholder', async () => {
    const { discord, router } = setup(
      (s) => [
        fakeCommand(s, {
          run: () =>
            new Promise<Reply>((resolve) => setTimeout(() => resolve({ content: 'just you', ephemeral: true }), 30)),
        }),
      ],
      {},
      1,
    );
    const i = discord.chatInput('fake');
    await router.handle(i);
    const sent = discord.recorded(i);
    expect(sent.map((s) => s.kind)).toEqual(['deferReply', 'followUp', 'deleteReply']);
    expect(sent[1]?.data).toMatchObject({ content: 'just you', flags: 64 });
  });

  it('reports a failure after deferring privately and removes the placeholder', async () => {
    const { discord, router } = setup(
      (s) => [
        fakeCommand(s, {
          run: () => new Promise<Reply>((_, reject) => setTimeout(() => reject(new Error('late failure')), 30)),
        }),
      ],
      {},
      1,
    );
    const i = discord.chatInput('fake', {}, { locale: 'en-US' });
    await router.handle(i);
    const sent = discord.recorded(i);
    expect(sent.map((s) => s.kind)).toEqual(['deferReply', 'followUp', 'deleteReply']);
    expect(sent[1]?.data).toMatchObject({ flags: 64 });
    expect(sent[1]?.data.content).toMatch(/went wrong/);
  });
});

describe('autocomplete', () => {
  it('answers at most 25 suggestions with names cut to 100 characters', async () => {
    const { discord, router } = setup((s) => [fakeCommand(s)]);
    const i = discord.autocomplete('fake', 'text', { text: 'dui' });
    await router.handle(i);
    const [sent] = discord.recorded(i);
    expect(sent?.kind).toBe('autocomplete');
    expect(sent?.data.choices).toHaveLength(25);
    for (const choice of sent!.data.choices as { name: string; value: string }[]) {
      expect(Array.from(choice.name).length).toBeLessThanOrEqual(100);
      expect(choice.name.startsWith('dui ')).toBe(true);
    }
  });

  it('answers an empty list when the command fails', async () => {
    const { discord, router, lines } = setup((s) => [fakeCommand(s)]);
    const i = discord.autocomplete('fake', 'text', { text: 'boom' });
    await router.handle(i);
    expect(discord.recorded(i)).toEqual([expect.objectContaining({ kind: 'autocomplete', data: { choices: [] } })]);
    expect(lines.join('')).toContain('autocomplete exploded');
  });

  it('drops suggestions whose value Discord would reject, and gives the user locale', async () => {
    let locale: string | undefined;
    const command: Command = {
      ...fakeCommand({}),
      autocomplete(_focused, _input, ctx) {
        locale = ctx.locale;
        return [
          { name: 'too long', value: 'v'.repeat(101) },
          { name: '', value: 'nameless' },
          { name: 'fine', value: 'ok' },
        ];
      },
    };
    const { discord, router } = setup(() => [command]);
    const i = discord.autocomplete('fake', 'text', { text: 'f' }, { locale: 'zh-CN', guildLocale: 'en-US' });
    await router.handle(i);
    expect(discord.recorded(i)[0]?.data.choices).toEqual([{ name: 'fine', value: 'ok' }]);
    expect(locale).toBe('zh-CN');
  });
});

describe('buttons and selects', () => {
  it('routes "<command>:<rest>" to the command and updates the message', async () => {
    const { seen, discord, router } = setup((s) => [fakeCommand(s)]);
    const i = discord.button('fake:round:2');
    await router.handle(i);
    expect(seen.component).toEqual({ id: 'round:2', values: [] });
    const [sent] = discord.recorded(i);
    expect(sent?.kind).toBe('update');
    expect(sent?.data).toMatchObject({ content: 'clicked round:2', allowed_mentions: { parse: [] } });
  });

  it('passes a select’s chosen values', async () => {
    const { seen, discord, router } = setup((s) => [fakeCommand(s)]);
    await router.handle(discord.select('fake:pick', ['oita', 'duisburg']));
    expect(seen.component).toEqual({ id: 'pick', values: ['oita', 'duisburg'] });
  });

  it('can answer a click with a new private message, or just acknowledge it', async () => {
    const { discord, router } = setup((s) => [
      fakeCommand(s, {
        component: (id) =>
          id === 'hint' ? { kind: 'reply', reply: { content: 'a hint', ephemeral: true } } : { kind: 'none' },
      }),
    ]);
    const hint = discord.button('fake:hint');
    await router.handle(hint);
    expect(discord.recorded(hint)[0]).toMatchObject({ kind: 'reply', data: { content: 'a hint', flags: 64 } });
    const quiet = discord.button('fake:noop');
    await router.handle(quiet);
    expect(discord.recorded(quiet).map((s) => s.kind)).toEqual(['deferUpdate']);
  });

  it('acknowledges a slow click first, then edits the message', async () => {
    const { discord, router } = setup(
      (s) => [
        fakeCommand(s, {
          component: () =>
            new Promise((resolve) =>
              setTimeout(() => resolve({ kind: 'update', reply: { content: 'next round' } }), 30),
            ),
        }),
      ],
      {},
      1,
    );
    const i = discord.button('fake:next');
    await router.handle(i);
    const sent = discord.recorded(i);
    expect(sent.map((s) => s.kind)).toEqual(['deferUpdate', 'editReply']);
    expect(sent[1]?.data.content).toBe('next round');
  });

  it.each([
    ['an unknown command', 'gone:next'],
    ['no command prefix', 'next'],
    ['an empty prefix', ':next'],
  ])('answers a stale button (%s) privately, in the user’s language', async (_case, customId) => {
    const { discord, router } = setup((s) => [fakeCommand(s)]);
    const en = discord.button(customId);
    await router.handle(en);
    expect(discord.recorded(en)[0]?.data).toMatchObject({
      content: expect.stringMatching(/no longer active/),
      flags: 64,
    });
    const zh = discord.button(customId, { locale: 'zh-CN' });
    await router.handle(zh);
    expect(discord.recorded(zh)[0]?.data.content).toBe('此按钮已失效，请重新运行该命令。');
  });

  it('answers a stale select menu too', async () => {
    const { discord, router } = setup(() => []);
    const i = discord.select('old:pick', ['x']);
    await router.handle(i);
    expect(discord.recorded(i)[0]?.data).toMatchObject({
      content: expect.stringMatching(/menu is no longer active/),
      flags: 64,
    });
  });

  it('keeps the game message intact when a click fails', async () => {
    const { discord, router } = setup((s) => [
      fakeCommand(s, {
        component: () => {
          throw new UserError('This round has ended.');
        },
      }),
    ]);
    const i = discord.button('fake:answer:1');
    await router.handle(i);
    const sent = discord.recorded(i);
    expect(sent.map((s) => s.kind)).toEqual(['reply']);
    expect(sent[0]?.data).toMatchObject({ content: 'This round has ended.', flags: 64 });
  });
});

describe('message context menu', () => {
  it('gives a message command the text of the message', async () => {
    const seen: Seen = {};
    const ask: Command = {
      definition: {
        type: 'message',
        name: 'Ask Youcheng',
        nameZh: '问友城',
        description: { en: 'Ask', 'zh-CN': '提问' },
      },
      run(input) {
        seen.input = input;
        return { content: `You asked: ${String(input.options.message)}`, ephemeral: true };
      },
    };
    const { discord, router } = setup(() => [fakeCommand({}), ask]);
    const i = discord.messageContext('Ask Youcheng', 'When did Wuhan and Duisburg become sister cities?');
    await router.handle(i);
    expect(seen.input).toEqual({ options: { message: 'When did Wuhan and Duisburg become sister cities?' } });
    expect(discord.recorded(i)[0]?.data).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
  });

  it('does not route a message command to a slash command of the same name', async () => {
    const { seen, discord, router } = setup((s) => [fakeCommand(s)]);
    const i = discord.messageContext('fake', 'hello');
    await router.handle(i);
    expect(seen.input).toBeUndefined();
    expect(discord.recorded(i)[0]?.data.flags).toBe(64);
  });
});
