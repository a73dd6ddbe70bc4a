import { afterEach, describe, expect, it } from 'vitest';
import type { CommandDefinition } from '../../src/commands/types.js';
import { toApplicationCommands } from '../../src/discord/definitions.js';
import {
  applicationIdFromToken,
  DefinitionError,
  describeRegistration,
  registerCommands,
} from '../../src/discord/register.js';
import { createFakeDiscord, FAKE_APPLICATION_ID, type FakeDiscord } from '../helpers/discord.js';

// Made up, but shaped like a real token whose first part encodes application 1100000000000000009.
const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwOQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';
const GUILD = '1200000000000000001';

const definitions: CommandDefinition[] = [
  { name: 'city', nameZh: '城市', description: { en: 'Look up a city', 'zh-CN': '查询城市' } },
  { type: 'message', name: 'Ask Youcheng', nameZh: '问友城', description: { en: '', 'zh-CN': '' } },
];

let discord: FakeDiscord | undefined;
afterEach(async () => {
  await discord?.destroy();
  discord = undefined;
});

describe('registerCommands', () => {
  it('reads the application ID from the token', () => {
    expect(applicationIdFromToken(TOKEN)).toBe('1100000000000000009');
    expect(applicationIdFromToken('bm90LWFuLWlk.x.y')).toBeUndefined();
  });

  it('replaces the commands of one server with a single PUT', async () => {
    const fake = (discord = createFakeDiscord());
    const registration = await registerCommands(fake.client.rest, definitions, { token: TOKEN, guildId: GUILD });
    expect(fake.requests).toHaveLength(1);
    const [put] = fake.requests;
    expect(put).toMatchObject({
      method: 'PUT',
      path: `/applications/1100000000000000009/guilds/${GUILD}/commands`,
      authorized: true,
    });
    expect(put?.body).toEqual(toApplicationCommands(definitions));
    expect(describeRegistration(registration)).toBe(
      `Registered 2 commands in server ${GUILD} for application 1100000000000000009: /city, "Ask Youcheng" (message menu)`,
    );
  });

  it('registers globally without a server, asking Discord for the application when the token does not say', async () => {
    const fake = (discord = createFakeDiscord());
    const registration = await registerCommands(fake.client.rest, definitions, {
      token: 'bm90LWFuLWlk.GaBcDe.abcdefghijklmnopqrstuvwxyz',
    });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /applications/@me',
      `PUT /applications/${FAKE_APPLICATION_ID}/commands`,
    ]);
    expect(describeRegistration(registration)).toMatch(/^Registered 2 commands globally/);
  });

  it('uses a configured application ID as given', async () => {
    const fake = (discord = createFakeDiscord());
    await registerCommands(fake.client.rest, definitions, { token: TOKEN, applicationId: '1300000000000000001' });
    expect(fake.requests[0]?.path).toBe('/applications/1300000000000000001/commands');
  });

  it('sends nothing when a definition breaks Discord’s rules', async () => {
    const fake = (discord = createFakeDiscord());
    const broken = [{ ...definitions[0]!, name: 'City Lookup' }];
    await expect(registerCommands(fake.client.rest, broken, { token: TOKEN })).rejects.toThrow(DefinitionError);
    expect(fake.requests).toEqual([]);
  });

  it('passes Discord’s refusal on', async () => {
    const fake = (discord = createFakeDiscord({
      respond: () => ({ status: 401, body: { message: '401: Unauthorized', code: 0 } }),
    }));
    await expect(registerCommands(fake.client.rest, definitions, { token: TOKEN })).rejects.toThrow(/Unauthorized/);
  });
});
