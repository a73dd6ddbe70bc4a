// Shared by the command tests: one App over the real data, a context per locale, and the text a
// user would see in a reply once Discord draws it.
import { createApp } from '../../src/app/create.js';
import type { App } from '../../src/app/app.js';
import type { Command, CommandContext, OptionValue } from '../../src/commands/types.js';
import type { Locale } from '../../src/i18n/index.js';
import { toMessageBody, type MessageBody } from '../../src/render/discord.js';
import type { ComponentResult, Reply } from '../../src/reply/reply.js';

/** "Now" fixed, so years of friendship do not drift with the calendar. */
export const NOW = new Date('2026-11-27T12:00:00Z');

let shared: App | undefined;
export function app(): App {
  shared ??= createApp({ now: () => NOW });
  return shared;
}

export function context(locale: Locale = 'en', overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    app: app(),
    locale,
    userLocale: locale,
    user: { id: '1', name: 'tester' },
    guildId: '10',
    channelId: '20',
    canManageMessages: false,
    ...overrides,
  };
}

export async function run(
  command: Command,
  options: Record<string, OptionValue> = {},
  locale: Locale = 'en',
): Promise<Reply> {
  return command.run({ options }, context(locale));
}

export async function click(
  command: Command,
  id: string,
  values: string[] = [],
  locale: Locale = 'en',
): Promise<ComponentResult> {
  if (!command.component) throw new Error(`${command.definition.name} has no component handler`);
  return command.component(id, values, context(locale));
}

export function body(reply: Reply): MessageBody {
  return toMessageBody(reply);
}

/** Everything readable in the message Discord would show, in order, one piece per line. */
export function visibleText(reply: Reply): string {
  const b = body(reply);
  const parts: string[] = [];
  if (b.content) parts.push(b.content);
  for (const e of b.embeds) {
    if (e.title) parts.push(e.title);
    if (e.description) parts.push(e.description);
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
    if (e.footer) parts.push(e.footer.text);
  }
  for (const row of b.components) {
    for (const c of (row.components as Record<string, unknown>[]) ?? []) {
      if (typeof c.label === 'string') parts.push(c.label);
      if (typeof c.placeholder === 'string') parts.push(c.placeholder);
      for (const o of (c.options as { label: string }[] | undefined) ?? []) parts.push(o.label);
    }
  }
  return parts.join('\n');
}

/** The value of the first field with this name in the first embed ("" when absent). */
export function field(reply: Reply, name: string): string {
  return body(reply).embeds[0]?.fields?.find((f) => f.name === name)?.value ?? '';
}

/** Character count Discord applies to an embed's 6,000 total. */
export function embedLength(e: MessageBody['embeds'][number]): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}
