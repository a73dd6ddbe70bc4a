// The quiz through real discord.js interaction objects: the router, the REST channel port and the
// Discord renderer between a player and the game, with nothing on the network.
import { afterEach, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { createChannelPort } from '../../src/discord/channel-port.js';
import { createRouter } from '../../src/discord/router.js';
import { createFakeDiscord, FAKE_CHANNEL_ID, type FakeDiscord } from '../helpers/discord.js';
import { setUp } from './support.js';

let discord: FakeDiscord | undefined;
const closers: (() => void)[] = [];
afterEach(async () => {
  closers.splice(0).forEach((close) => close());
  await discord?.destroy();
});

interface ApiButton {
  custom_id: string;
  label: string;
}

it('starts a game, posts the question in the channel and records a click ephemerally', async () => {
  const fake = (discord = createFakeDiscord());
  const { app, quiz } = await setUp({ seed: 8 });
  closers.push(() => quiz.close());
  await quiz.connect(createChannelPort(fake.client.rest));
  const router = createRouter(app, commands);

  const start = fake.chatInput(
    'quiz',
    { rounds: 3 },
    { subcommand: 'start', userId: '1100000000000000010', username: 'ann' },
  );
  await router.handle(start);
  const [startReply] = fake.recorded(start);
  expect(startReply).toMatchObject({ kind: 'reply', data: { flags: 64 } });
  expect(startReply!.data.content).toContain('Your quiz has started');

  const post = fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${FAKE_CHANNEL_ID}/messages`);
  const body = post!.body as { content: string; allowed_mentions: unknown; components: { components: ApiButton[] }[] };
  expect(body.allowed_mentions).toEqual({ parse: [] });
  expect(body.content).toContain('ann started a quiz: 3 questions');
  const row = body.components[0]!.components;
  expect(row.map((b) => b.label)).toEqual(['A', 'B', 'C', 'D']);

  const click = fake.button(row[1]!.custom_id, { userId: '1100000000000000011', username: 'bob' });
  await router.handle(click);
  const [clickReply] = fake.recorded(click);
  expect(clickReply).toMatchObject({
    kind: 'reply',
    data: { flags: 64, content: expect.stringContaining('Answer recorded: **B**') },
  });

  const again = fake.button(row[2]!.custom_id, { userId: '1100000000000000011', username: 'bob' });
  await router.handle(again);
  expect(fake.recorded(again)[0]!.data.content).toBe('You already answered this question.');
});
