// The HTTP interactions transport: Discord POSTs each interaction to /interactions and takes the
// HTTP response as the interaction's callback. Requests are verified (Ed25519 over timestamp + raw
// body, as Discord requires; it probes endpoints with bad signatures), then handed to the same
// router and commands as the gateway: real discord.js interaction objects built from the payload by
// a Client that never logs in. The router's callback request is intercepted and becomes the HTTP
// response; edits and follow-ups after a deferral go out through REST as usual (DISCORD_API_URL), and
// so does a reply with files, which Discord accepts only that way.
import { webcrypto } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Client,
  DefaultRestOptions,
  Events,
  InteractionType,
  Routes,
  type RawFile,
  type ResponseLike,
} from 'discord.js';
import type { App } from '../app/app.js';
import { commands as allCommands } from '../commands/index.js';
import type { Command } from '../commands/types.js';
import { createLogger, describeError, type Logger } from '../log.js';
import { serveOps, type OpsRoutes } from '../ops/health.js';
import { cacheOptions } from './cache.js';
import { interactionEmitter } from './interaction-adapter.js';
import { createChannelPort } from './channel-port.js';
import { createRouter, type RouterOptions } from './router.js';
import { startWarmUp } from '../app/warm-up.js';

export const INTERACTIONS_PATH = '/interactions';
/** Interaction payloads are a few KB; even a message command on a long message stays far below this. */
export const MAX_BODY_BYTES = 256 * 1024;
/** Discord's timestamps are seconds; an older (or replayed) request is refused. */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

const SIGNATURE = /^[0-9a-f]{128}$/i;
const TIMESTAMP = /^\d{1,12}$/;
const SNOWFLAKE = /^\d{17,20}$/;
const CALLBACK_PATH = /\/interactions\/(\d+)\/[^/]+\/callback$/;

/** The public key from the Developer Portal (64 hex characters), ready for verify(). */
function importPublicKey(hex: string): Promise<webcrypto.CryptoKey> {
  return webcrypto.subtle.importKey('raw', Buffer.from(hex, 'hex'), 'Ed25519', false, ['verify']);
}

export type Verdict = 'ok' | 'missing' | 'stale' | 'invalid';

/** Checks Discord's headers against the raw body; `nowSeconds` is the receiving clock. */
async function verifyRequest(
  key: webcrypto.CryptoKey,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowSeconds = Date.now() / 1000,
): Promise<Verdict> {
  if (!signature || !timestamp) return 'missing';
  if (!SIGNATURE.test(signature) || !TIMESTAMP.test(timestamp)) return 'invalid';
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) return 'stale';
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  const valid = await webcrypto.subtle.verify('Ed25519', key, Buffer.from(signature, 'hex'), signed);
  return valid ? 'ok' : 'invalid';
}

export interface InteractionsServerOptions {
  /** DISCORD_PUBLIC_KEY: 64 hex characters. */
  publicKey: string;
  /** The bot token: needed only for what a command sends outside a callback (quiz rounds). */
  token?: string;
  /** Base URL of Discord's REST API for edits and follow-ups; https://discord.com/api by default. */
  apiUrl?: string;
  log?: Logger;
  commands?: readonly Command[];
  deferAfterMs?: RouterOptions['deferAfterMs'];
  onHandled?: RouterOptions['onHandled'];
  /** /healthz, /readyz and (with metrics) /metrics on the same port; readiness also needs the server listening. */
  ops?: OpsRoutes;
}

export interface InteractionsServer {
  server: Server;
  /** The discord.js client that builds interactions from payloads (never logged in). */
  client: Client;
  /** Starts listening; resolves with the port (useful with port 0). */
  listen(port: number, host?: string): Promise<number>;
  /** Stops taking requests, lets those in flight finish, releases the client. */
  close(): Promise<void>;
}

/** A request refused with `status`. `signed`: it passed the signature check, so only Discord could have sent it. */
class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly signed = false,
  ) {
    super(message);
  }
}

/** The client closed the connection before its request was read: nobody is left to answer. */
class ClientGoneError extends Error {}

/**
 * The request body. Past MAX_BODY_BYTES (declared or, chunked, counted) it rejects with a 413 and
 * reads on without keeping anything, so the client gets the answer instead of a reset connection;
 * the server's request timeout bounds how long that may last.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const refuse = () => {
      tooLarge = true;
      chunks.length = 0;
      reject(new RequestError(413, 'request body too large'));
    };
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) refuse();
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) refuse();
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => reject(new ClientGoneError('the client closed the connection mid-request')));
    req.on('close', () => {
      if (!req.complete) reject(new ClientGoneError('the client closed the connection mid-request'));
    });
  });
}

/**
 * Interaction IDs already taken, until their signed timestamp leaves the accepted window: a copy of
 * a request (a replay inside the window, or two concurrent deliveries) is refused, never run twice.
 */
class SeenInteractions {
  private readonly expiries = new Map<string, number>();

  /** Records `id`; false when it was already recorded. */
  take(id: string, timestampSeconds: number, nowSeconds = Date.now() / 1000): boolean {
    for (const [seen, expiry] of this.expiries) {
      if (expiry >= nowSeconds) break; // roughly oldest first; a later straggler goes on a later call
      this.expiries.delete(seen);
    }
    if (this.expiries.has(id)) return false;
    this.expiries.set(id, Math.max(timestampSeconds, nowSeconds) + MAX_CLOCK_SKEW_SECONDS);
    return true;
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve) => {
    if (res.headersSent || res.destroyed) {
      resolve();
      return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(text),
      ...headers,
    });
    res.end(text, () => resolve());
  });
}

/** The shape discord.js accepts as a REST response. */
function noContent(): ResponseLike {
  return new Response(null, { status: 204 }) as unknown as ResponseLike;
}

/** The parts of a message callback's data this transport looks at. */
interface MessageData {
  flags?: number;
  attachments?: unknown[];
  embeds?: { image?: { url?: string } }[];
}

interface PendingCallback {
  interactionId: string;
  res: ServerResponse;
  applicationId: string;
  token: string;
  answered: boolean;
}

const STATUS_TEXT: Record<Verdict, string> = {
  ok: '',
  missing: 'missing signature headers',
  stale: 'request timestamp too old',
  invalid: 'invalid request signature',
};

const SUPPORTED = new Set<number>([
  InteractionType.ApplicationCommand,
  InteractionType.MessageComponent,
  InteractionType.ApplicationCommandAutocomplete,
]);

export async function createInteractionsServer(
  app: App,
  options: InteractionsServerOptions,
): Promise<InteractionsServer> {
  const log = options.log ?? createLogger();
  const key = await importPublicKey(options.publicKey);
  const ops: OpsRoutes | undefined = options.ops && {
    ...options.ops,
    readiness: () => ({ listening: server.listening, ...options.ops!.readiness() }),
  };
  const pending = new Map<string, PendingCallback>();

  /** Writes the acknowledgement; resolves once it is on the wire, so nothing sent later overtakes it. */
  function respond(waiting: PendingCallback, body: string): Promise<void> {
    waiting.answered = true;
    return new Promise((resolve) => {
      waiting.res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      waiting.res.end(body, () => resolve());
    });
  }

  /**
   * A callback with files (a map, a chart). Discord refuses multipart HTTP responses
   * (discord-api-docs #5933), so the response carries the message without its files (text, embeds
   * and buttons show at once) and the files follow in an edit of "@original" through REST.
   */
  async function respondWithFiles(waiting: PendingCallback, form: FormData): Promise<void> {
    const { type, data } = JSON.parse(String(form.get('payload_json'))) as { type: number; data: MessageData };
    const { attachments: _sentWithTheFiles, ...withoutFiles } = data;
    const embeds = data.embeds?.map(({ image, ...embed }) =>
      image?.url?.startsWith('attachment://') ? embed : { ...embed, image },
    );
    await respond(waiting, JSON.stringify({ type, data: { ...withoutFiles, ...(embeds ? { embeds } : {}) } }));
    const files: RawFile[] = [];
    for (const [key, value] of form.entries()) {
      if (!key.startsWith('files[') || typeof value === 'string') continue;
      files.push({ key, name: value.name, data: Buffer.from(await value.arrayBuffer()), contentType: value.type });
    }
    const { flags: _visibilityIsSet, ...message } = data;
    try {
      await client.rest.patch(Routes.webhookMessage(waiting.applicationId, waiting.token), {
        body: message,
        files,
        auth: false,
      });
    } catch (error) {
      // The message stands without its picture; nothing the user can do differently.
      log.warn('could not attach the files of an answer', {
        interaction: waiting.interactionId,
        error: describeError(error).message,
      });
    }
  }

  /** The router's callback becomes the HTTP response; everything else goes to Discord's REST. */
  async function makeRequest(
    url: string,
    init: Parameters<typeof DefaultRestOptions.makeRequest>[1],
  ): Promise<ResponseLike> {
    const interactionId = CALLBACK_PATH.exec(new URL(url).pathname)?.[1];
    const waiting = interactionId ? pending.get(interactionId) : undefined;
    if (!waiting || waiting.answered) return DefaultRestOptions.makeRequest(url, init);
    if (init.body instanceof FormData) await respondWithFiles(waiting, init.body);
    else if (typeof init.body === 'string') await respond(waiting, init.body);
    else throw new Error('an interaction callback without a body');
    return noContent();
  }

  const client = new Client({
    intents: [],
    allowedMentions: { parse: [] },
    ...cacheOptions(),
    rest: { ...(options.apiUrl ? { api: options.apiUrl } : {}), makeRequest },
  });
  if (options.token) client.rest.setToken(options.token);
  const router = createRouter(app, options.commands ?? allCommands, {
    log,
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
    ...(options.onHandled ? { onHandled: options.onHandled } : {}),
  });
  /** Interactions being handled, by ID; an answer after a deferral may outlive its HTTP request. */
  const inFlight = new Map<string, Promise<void>>();
  client.on(Events.InteractionCreate, (interaction) => {
    // handle() does not throw; the catch only keeps a broken promise from going unhandled.
    const handled = router
      .handle(interaction)
      .catch((error: unknown) => log.error('router failed', { error: describeError(error) }))
      .finally(() => inFlight.delete(interaction.id));
    inFlight.set(interaction.id, handled);
  });
  client.on(Events.Error, (error) => log.error('client error', { error: describeError(error) }));
  const emitInteraction = interactionEmitter(client);
  const seen = new SeenInteractions();

  async function handleInteraction(
    payload: Record<string, unknown>,
    timestamp: number,
    res: ServerResponse,
  ): Promise<void> {
    if (payload.type === InteractionType.Ping) {
      await send(res, 200, { type: 1 });
      return;
    }
    const { id, application_id: applicationId, token } = payload;
    const snowflake = (value: unknown): value is string => typeof value === 'string' && SNOWFLAKE.test(value);
    if (
      !SUPPORTED.has(payload.type as number) ||
      !snowflake(id) ||
      !snowflake(applicationId) ||
      typeof token !== 'string'
    ) {
      throw new RequestError(400, 'not an interaction this endpoint handles', true);
    }
    if (!seen.take(id, timestamp)) throw new RequestError(409, 'this interaction was already received', true);
    const waiting: PendingCallback = { interactionId: id, res, applicationId, token, answered: false };
    pending.set(id, waiting);
    try {
      try {
        emitInteraction(payload);
      } catch (error) {
        throw new RequestError(
          400,
          `malformed interaction (${error instanceof Error ? error.message : String(error)})`,
          true,
        );
      }
      const handled = inFlight.get(id);
      if (!handled) throw new RequestError(400, 'not an interaction this endpoint handles', true);
      await handled;
      if (!waiting.answered) {
        log.warn('an interaction got no response', { interaction: id, type: payload.type });
        await send(res, 500, { error: 'no response' });
      }
    } finally {
      pending.delete(id);
    }
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (ops && serveOps(req, res, ops, log)) return;
    const path = (req.url ?? '').split('?')[0];
    if (path !== INTERACTIONS_PATH) throw new RequestError(404, 'not found');
    if (req.method !== 'POST') {
      await send(res, 405, { error: 'method not allowed' }, { Allow: 'POST' });
      return;
    }
    const body = await readBody(req);
    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    const verdict = await verifyRequest(
      key,
      typeof signature === 'string' ? signature : undefined,
      typeof timestamp === 'string' ? timestamp : undefined,
      body,
    );
    if (verdict !== 'ok') {
      log.debug('refused an unverified request', { verdict });
      throw new RequestError(401, STATUS_TEXT[verdict]);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      throw new RequestError(400, 'body is not JSON', true);
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
      throw new RequestError(400, 'body is not an object', true);
    await handleInteraction(payload as Record<string, unknown>, Number(timestamp), res);
  }

  const server = createServer((req, res) => {
    serve(req, res).catch(async (error: unknown) => {
      if (error instanceof ClientGoneError) {
        // Anyone on the internet can open a connection and drop it: not worth more than debug.
        log.debug(error.message);
        return;
      }
      if (error instanceof RequestError) {
        // Signed, yet refused: only Discord could have sent it, so an operator should hear of it, once.
        if (error.signed) log.warn('refused a signed request', { status: error.status, reason: error.message });
        await send(res, error.status, { error: error.message });
        return;
      }
      log.error('interactions endpoint failed', { error: describeError(error) });
      await send(res, 500, { error: 'internal error' });
    });
  });
  // A client that trickles its request cannot hold a connection for long.
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;

  const warming = new AbortController();
  if (options.token) await app.quiz.connect(createChannelPort(client.rest));
  else log.warn('no DISCORD_TOKEN: quiz games cannot post their rounds; every other command works');

  return {
    server,
    client,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          // As the gateway does once ready: the most asked-for images, one per event-loop turn.
          startWarmUp(app.data, warming.signal, log);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    async close() {
      warming.abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await Promise.allSettled(inFlight.values());
      await client.destroy();
    },
  };
}
