// The HTTP interactions endpoint in this process: Discord's signature rules (a fresh Ed25519 key per
// run), PING, and commands, autocomplete and components answered in the HTTP response with the very
// body the gateway transport sends. Edits after a deferral and quiz rounds go to the fake Discord.
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create.js';
import type { Command } from '../../src/commands/types.js';
import { commands } from '../../src/commands/index.js';
import { createInteractionsServer, MAX_BODY_BYTES, type InteractionsServer } from '../../src/discord/http.js';
import { createRouter } from '../../src/discord/router.js';
import { createLogger } from '../../src/log.js';
import { autocompletePayload, chatInputPayload, createFakeDiscord, selectPayload } from '../helpers/discord.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/server.js';
import { createSigner, post } from './sign.js';

const NOW = new Date('2026-11-27T12:00:00Z');
const app = createApp({ now: () => NOW, databasePath: ':memory:' });
const signer = createSigner();
const logLines: string[] = [];
const log = createLogger({ level: 'debug', write: (line) => logLines.push(line) });

/** Thinks for longer than the router waits before deferring. */
const slow: Command = {
  definition: { name: 'slow', nameZh: '慢', description: { en: 'Slow', 'zh-CN': '慢' } },
  run: () => new Promise((resolve) => setTimeout(() => resolve({ content: 'worth the wait' }), 150)),
};

let discord: FakeDiscord;
let endpoint: InteractionsServer;
let url: string;

beforeAll(async () => {
  discord = await startFakeDiscord();
  endpoint = await createInteractionsServer(app, {
    publicKey: signer.publicKeyHex,
    token: discord.token,
    apiUrl: discord.apiUrl,
    log,
    commands: [...commands, slow],
    deferAfterMs: 50,
  });
  url = `http://127.0.0.1:${await endpoint.listen(0, '127.0.0.1')}/interactions`;
});

afterAll(async () => {
  await endpoint?.close();
  app.quiz.close();
  await discord?.close();
});

function signedPost(payload: unknown) {
  const body = JSON.stringify(payload);
  return post(url, body, signer.headers(body));
}

/**
 * The fake Discord posts the interaction (so it also sees the bot's REST edits) and returns the HTTP
 * response and what the user ends up seeing: the response's message, or the edit after it.
 */
async function exchange(payload: Parameters<FakeDiscord['track']>[0]) {
  const { exchange: tracked, ...response } = await discord.deliver(url, payload, (body) => signer.headers(body));
  return { response, tracked, shown: await tracked.answer() };
}

/** What the gateway transport sends for the same interaction: the router over the in-memory fake. */
async function viaRouter(
  build: (fake: ReturnType<typeof createFakeDiscord>) => Parameters<ReturnType<typeof createRouter>['handle']>[0],
) {
  const fake = createFakeDiscord();
  const interaction = build(fake);
  await createRouter(app, commands, { log }).handle(interaction);
  await fake.destroy();
  return fake.recorded(interaction)[0];
}

describe('request verification', () => {
  const ping = JSON.stringify({
    id: '1300000000000000001',
    application_id: '1100000000000000001',
    type: 1,
    token: 't',
    version: 1,
  });

  it('answers a signed PING with PONG, as JSON', async () => {
    const response = await post(url, ping, signer.headers(ping));
    expect(response).toMatchObject({ status: 200, body: { type: 1 } });
    expect(response.contentType).toBe('application/json');
  });

  it('refuses a body that is not the one signed', async () => {
    const tampered = ping.replace('"type":1', '"type":1 ');
    expect((await post(url, tampered, signer.headers(ping))).status).toBe(401);
  });

  it('refuses a signature made with another key', async () => {
    expect((await post(url, ping, createSigner().headers(ping))).status).toBe(401);
  });

  it('refuses requests without both signature headers', async () => {
    const { 'X-Signature-Ed25519': signature, 'X-Signature-Timestamp': timestamp } = signer.headers(ping);
    expect((await post(url, ping, { 'Content-Type': 'application/json' })).status).toBe(401);
    expect((await post(url, ping, { 'X-Signature-Ed25519': signature! })).status).toBe(401);
    expect((await post(url, ping, { 'X-Signature-Timestamp': timestamp! })).status).toBe(401);
    expect((await post(url, ping, { 'X-Signature-Ed25519': 'zz', 'X-Signature-Timestamp': timestamp! })).status).toBe(
      401,
    );
  });

  it('refuses a correctly signed request more than five minutes old, or from the future', async () => {
    // A margin of 30 s: the endpoint reads its own clock later, possibly in the next second.
    const now = Math.floor(Date.now() / 1000);
    expect((await post(url, ping, signer.headers(ping, now - 330))).status).toBe(401);
    expect((await post(url, ping, signer.headers(ping, now + 330))).status).toBe(401);
    expect((await post(url, ping, signer.headers(ping, now - 240))).status).toBe(200);
  });

  it('checks the signature before reading the JSON', async () => {
    const broken = '{"type":';
    expect((await post(url, broken, { 'Content-Type': 'application/json' })).status).toBe(401);
    expect((await post(url, broken, signer.headers(broken))).status).toBe(400);
  });

  it('answers 400 for signed JSON that is no interaction it handles, logging one WARN line each, without a stack', async () => {
    const malformed =
      '{"type":2,"id":"1300000000000000003","application_id":"1100000000000000001","token":"t","data":null}';
    const bodies = ['[1]', '"text"', '{"type":99,"id":"1300000000000000002","token":"t"}', '{"type":2}', malformed];
    const before = logLines.length;
    for (const body of bodies) {
      const response = await post(url, body, signer.headers(body));
      expect(response.status, body).toBe(400);
      expect(response.contentType).toBe('application/json');
    }
    const warned = logLines.slice(before).filter((l) => /"level":"(error|warn)"/.test(l));
    expect(warned).toHaveLength(bodies.length);
    for (const line of warned)
      expect(JSON.parse(line)).toMatchObject({ level: 'warn', msg: 'refused a signed request', status: 400 });
    expect(warned.join('')).not.toContain('stack');
  });

  it('serves only POST /interactions, and caps the body', async () => {
    expect((await post(url, '', {}, 'GET')).status).toBe(405);
    expect((await post(url.replace('/interactions', '/other'), ping, signer.headers(ping))).status).toBe(404);
    const huge = JSON.stringify({ type: 1, padding: 'x'.repeat(MAX_BODY_BYTES) });
    expect((await post(url, huge, signer.headers(huge))).status).toBe(413);
  });
});

describe('interactions', () => {
  it('answers /country in the HTTP response with the body the gateway transport sends', async () => {
    const response = await signedPost(
      chatInputPayload('country', { name: '德国' }, { locale: 'zh-CN', guildLocale: 'zh-CN' }),
    );
    expect(response.status).toBe(200);
    expect(response.body.type).toBe(4);
    expect(response.body.data.embeds[0].title).toContain('德国');
    expect(response.body.data.allowed_mentions).toEqual({ parse: [] });
    const gateway = await viaRouter((fake) =>
      fake.chatInput('country', { name: '德国' }, { locale: 'zh-CN', guildLocale: 'zh-CN' }),
    );
    expect(response.body).toEqual({ type: gateway?.type, data: gateway?.data });
  });

  it('answers /city at once with its card in the HTTP response; the map follows in an edit with the file', async () => {
    const options = { locale: 'zh-CN', guildLocale: 'zh-CN' };
    const { response, tracked } = await exchange(chatInputPayload('city', { name: 'Duisburg' }, options));
    const gateway = await viaRouter((fake) => fake.chatInput('city', { name: 'Duisburg' }, options));
    // Text, embed and buttons in the response itself: no REST round trip before the user sees the card.
    expect(response.body.type).toBe(4);
    const { image: _map, ...cardWithoutMap } = gateway!.data.embeds[0];
    expect(response.body.data.embeds[0]).toEqual(cardWithoutMap);
    expect(response.body.data.embeds[0].title).toContain('杜伊斯堡');
    expect(response.body.data.content).toEqual(gateway?.data.content);
    expect(response.body.data.attachments).toBeUndefined();
    const edit = await tracked.waitFor((e) => e.kind === 'edit', 'the edit with the map');
    const { _files: files, ...message } = edit.data;
    const { flags: _public, ...expected } = gateway!.data;
    expect(message).toEqual(expected);
    // The image the card shows travels as the message's file, as over the gateway.
    expect(files).toEqual([{ key: 'files[0]', name: expect.stringMatching(/\.png$/), size: expect.any(Number) }]);
    expect(message.embeds[0].image.url).toBe(`attachment://${files[0].name}`);
    expect(files[0].size).toBeGreaterThan(1000);
    expect(tracked.rejections).toEqual([]);
  });

  it('answers autocomplete with choices', async () => {
    const response = await signedPost(autocompletePayload('city', 'name', { name: 'duis' }));
    expect(response.body).toEqual({ type: 8, data: { choices: [expect.objectContaining({ value: 'duisburg' })] } });
  });

  it('updates the message for a did-you-mean pick', async () => {
    const { response, shown } = await exchange(selectPayload('city:pick', ['duisburg']));
    expect([response.body.type, shown.kind]).toEqual(response.body.type === 6 ? [6, 'edit'] : [7, 'callback']);
    expect(shown.data.embeds[0].title).toContain('Duisburg');
    expect(shown.data.components).toEqual([]);
  });

  it('defers a slow command in the response, then edits the answer in through REST', async () => {
    const { response, shown, tracked } = await exchange(chatInputPayload('slow', {}));
    expect(response.body).toMatchObject({ type: 5 });
    expect(shown.kind).toBe('edit');
    expect(shown.data).toMatchObject({ content: 'worth the wait', allowed_mentions: { parse: [] } });
    expect(tracked.rejections).toEqual([]);
  });

  it('lets a quiz post its rounds to the channel with the bot token', async () => {
    const channelId = discord.guilds[0]!.channelIds[0]!;
    // The start posts the first question (a REST round trip) before it answers, which on a loaded
    // machine can outlast this endpoint's 50 ms deferral threshold: what the starter sees is private either way.
    const { shown: start } = await exchange(
      chatInputPayload('quiz', { rounds: 3, seconds: 10 }, { subcommand: 'start', channelId }),
    );
    expect(start.data).toMatchObject({ flags: 64 });
    const question = await discord.waitForMessage(
      (m) => m.channel_id === channelId && (m.components?.length ?? 0) > 0,
      'the first question',
    );
    expect(
      discord.requests.find((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`)?.authorized,
    ).toBe(true);
    expect(question.embeds[0]?.title).toBeTruthy();
    const stop = await signedPost(chatInputPayload('quiz', {}, { subcommand: 'stop', channelId }));
    expect(stop.status).toBe(200);
  });

  it('logs nothing worse than debug for all of the above (but the signed requests it refused), and never a token', () => {
    expect(
      logLines.filter((l) => /"level":"(error|warn)"/.test(l) && !l.includes('"msg":"refused a signed request"')),
    ).toEqual([]);
    expect(logLines.join('')).not.toContain(discord.token);
  });
});

describe('memory', () => {
  it('keeps no user, member or channel from the interactions it answers', async () => {
    for (let i = 0; i < 20; i++) {
      const userId = `14200000000000000${String(i).padStart(2, '0')}`;
      const channelId = `14300000000000000${String(i).padStart(2, '0')}`;
      await exchange(chatInputPayload('about', {}, { userId, username: `user${i}`, channelId }));
    }
    expect(endpoint.client.users.cache.size).toBe(0);
    expect(endpoint.client.channels.cache.size).toBe(0);
    expect(endpoint.client.guilds.cache.size).toBe(0);
  });
});

describe('rough edges found by probing the endpoint', () => {
  const probeLines: string[] = [];
  const handled: string[] = [];
  let probe: InteractionsServer;
  let probeUrl: string;

  beforeAll(async () => {
    probe = await createInteractionsServer(app, {
      publicKey: signer.publicKeyHex,
      token: discord.token,
      apiUrl: discord.apiUrl,
      log: createLogger({ level: 'debug', write: (line) => probeLines.push(line) }),
      onHandled: (h) => handled.push(h.command),
    });
    probeUrl = `http://127.0.0.1:${await probe.listen(0, '127.0.0.1')}/interactions`;
  });
  afterAll(async () => probe?.close());

  it('handles an interaction ID once: a replayed request (same body and timestamp) gets 409 and never runs again', async () => {
    const body = JSON.stringify(chatInputPayload('about', {}));
    const headers = signer.headers(body);
    const before = handled.length;
    expect((await post(probeUrl, body, headers)).status).toBe(200);
    const replay = await post(probeUrl, body, headers);
    expect(replay).toMatchObject({ status: 409, body: { error: 'this interaction was already received' } });
    expect(handled.length - before).toBe(1);
  });

  it('answers two concurrent copies of /quiz start with one start and one 409: no 500, no stray callback', async () => {
    const channelId = discord.guilds[0]!.channelIds[1] ?? '1300000000000000777';
    const body = JSON.stringify(
      chatInputPayload('quiz', { rounds: 3, seconds: 10 }, { subcommand: 'start', channelId }),
    );
    const headers = signer.headers(body);
    const before = handled.length;
    const responses = await Promise.all([post(probeUrl, body, headers), post(probeUrl, body, headers)]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(handled.length - before).toBe(1);
    const stop = JSON.stringify(chatInputPayload('quiz', {}, { subcommand: 'stop', channelId }));
    expect((await post(probeUrl, stop, signer.headers(stop))).status).toBe(200);
  });

  it('keeps clients that disconnect mid-body at debug: no ERROR, no stack', async () => {
    const { port } = new URL(probeUrl);
    const before = probeLines.length;
    for (let i = 0; i < 10; i++) {
      await new Promise<void>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(
            'POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"type":',
          );
          setTimeout(() => socket.destroy(), 20);
        });
        socket.on('close', () => resolve());
      });
    }
    await expect.poll(() => probeLines.slice(before).filter((l) => l.includes('mid-request')).length).toBe(10);
    const lines = probeLines.slice(before);
    expect(lines.filter((l) => !/"level":"debug"/.test(l))).toEqual([]);
    expect(lines.join('')).not.toContain('stack');
  });

  it('answers a chunked body over 256 KB with 413, not a reset connection', async () => {
    const { port } = new URL(probeUrl);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port,
        path: '/interactions',
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const chunk = 'x'.repeat(16 * 1024);
      for (let sent = 0; sent <= MAX_BODY_BYTES + chunk.length; sent += chunk.length) req.write(chunk);
      req.end();
    });
    expect(status).toBe(413);
  });
});
