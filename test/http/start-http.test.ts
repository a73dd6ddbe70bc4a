// `npm run start:http` as a person runs it: configured by environment variables only, serving
// POST /interactions on PORT, and stopping cleanly on SIGTERM.
import { describe, expect, it } from 'vitest';
import { BotProcess, temporaryDatabasePath } from '../fake-discord/bot.js';
import { chatInputPayload } from '../fake-discord/payloads.js';
import { stopAfterEachTest } from '../fake-discord/per-test.js';
import { freePort } from '../helpers/free-port.js';
import { createSigner, post } from './sign.js';

const running = stopAfterEachTest((bot: BotProcess) => bot.kill());

/** `npm run start:http` (its node command) on a free PORT, with a fresh signing key. */
async function startHttp(env: (port: number) => Record<string, string> = () => ({})) {
  const fake = await running.startDiscord();
  const signer = createSigner();
  const port = await freePort();
  const server = running.bot(
    new BotProcess(fake, temporaryDatabasePath(), {
      script: 'start:http',
      via: 'node',
      env: { PORT: String(port), DISCORD_PUBLIC_KEY: signer.publicKeyHex, ...env(port) },
    }),
  );
  await server.waitForLine(/"level":"info".*"port":\d+,"path":"\/interactions","msg":"listening"/, 60_000);
  return { fake, signer, port, server };
}

describe('npm run start:http', () => {
  it('serves signed interactions on PORT and stops cleanly on SIGTERM', async () => {
    const { fake, signer, port, server } = await startHttp();
    const url = `http://127.0.0.1:${port}/interactions`;

    const ping = JSON.stringify({
      id: '1300000000000000001',
      application_id: '1100000000000000001',
      type: 1,
      token: 't',
      version: 1,
    });
    expect((await post(url, ping, signer.headers(ping))).body).toEqual({ type: 1 });
    expect((await post(url, ping, createSigner().headers(ping))).status).toBe(401);

    const country = JSON.stringify(chatInputPayload('country', { name: 'Germany' }));
    const answer = await post(url, country, signer.headers(country));
    expect(answer.status).toBe(200);
    expect(answer.body.data.embeds[0].title).toContain('Germany');

    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(server.output).toContainEqual(expect.stringContaining('"signal":"SIGTERM","msg":"shutting down"'));
    expect(server.linesMatching(/"level":"(error|warn)"/)).toEqual([]);
    expect(server.logs()).not.toContain(fake.token);
  }, 60_000);

  it('answers /healthz, /readyz and, with METRICS_PORT set to PORT, /metrics beside /interactions', async () => {
    const { signer, port } = await startHttp((port) => ({ METRICS_PORT: String(port) }));
    const base = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { listening: true, database: true } });
    const country = JSON.stringify(chatInputPayload('country', { name: 'Germany' }));
    expect((await post(`${base}/interactions`, country, signer.headers(country))).status).toBe(200);
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const text = await metrics.text();
    expect(text).toContain('youcheng_interactions_total{kind="command",command="country",outcome="ok"} 1');
    expect(text).toMatch(/youcheng_interaction_duration_seconds_count\{kind="command",command="country"\} 1/);
    expect(text).toContain('youcheng_nodejs_eventloop_lag_seconds');
    expect(text).toContain('youcheng_quiz_games_running 0');
    expect(text).not.toContain('youcheng_gateway_connected');
  }, 60_000);

  it('says what it needs when DISCORD_PUBLIC_KEY is missing', async () => {
    const server = running.bot(new BotProcess(undefined, temporaryDatabasePath(), { script: 'start:http' }));
    expect((await server.exited).code).toBe(1);
    expect(server.output).toContainEqual(expect.stringContaining('npm run start:http needs DISCORD_PUBLIC_KEY'));
  }, 60_000);
});
