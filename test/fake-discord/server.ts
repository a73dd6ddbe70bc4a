// A fake Discord on 127.0.0.1 for the real discord.js client: REST (node:http) and the gateway (ws),
// on one ephemeral port. The bot under test logs in to it exactly as it logs in to Discord, because
// DISCORD_API_URL points its REST at /api here and GET /gateway/bot hands it this gateway.
//
//   const discord = await startFakeDiscord();
//   // start the bot with DISCORD_API_URL=discord.apiUrl, DISCORD_TOKEN=discord.token
//   await discord.waitForSession();
//   const exchange = await discord.dispatchInteraction(chatInputPayload('city', { name: 'Duisburg' }));
//   (await exchange.answer()).data.embeds[0].title // what the user sees
//
// For a bot serving HTTP interactions, deliver() POSTs the interaction to its endpoint instead.
//
// It keeps Discord's rules that bots trip over: 3 s to acknowledge (a late callback gets 404 Unknown
// interaction), one acknowledgement per interaction (40060), "@original" arrives URL-encoded, a 204
// has no JSON content type, authenticated routes want "Bot <token>". Faults are injected per route.
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  GatewayDispatchEvents,
  GatewayOpcodes,
  InteractionResponseType,
  type APIInteraction,
  type APIMessage,
} from 'discord-api-types/v10';
import { WebSocketServer, type WebSocket } from 'ws';
import { FAKE_APPLICATION_ID, FAKE_CHANNEL_ID, FAKE_GUILD_ID, fakeMessage } from '../helpers/discord.js';

/** Shaped like a real bot token (base64 of the application ID, a timestamp part, an HMAC part); not one. */
export const FAKE_TOKEN = `${Buffer.from(FAKE_APPLICATION_ID).toString('base64url')}.GfAkE0.${'f4k3-t0k3n_'.repeat(3)}`;
export const DISCORD_DEADLINE_MS = 3000;

export interface FakeGuild {
  id: string;
  name?: string;
  locale?: string;
  /** Text channels; the first is also where interactions happen by default. */
  channelIds?: string[];
}

export interface FakeDiscordOptions {
  token?: string;
  guilds?: FakeGuild[];
  /** HELLO's heartbeat_interval. Discord sends about 41 s; tests may shorten it to exercise heartbeats. */
  heartbeatIntervalMs?: number;
  /** How long dispatchInteraction waits for a callback before rejecting. */
  callbackTimeoutMs?: number;
}

export interface RecordedRequest {
  method: string;
  /** Below /api/v10, URL-decoded ("@original", not "%40original"). */
  path: string;
  query: URLSearchParams;
  body: any; // JSON as sent; tests read whichever field they assert on
  authorized: boolean;
  status: number;
  /** performance.now() when the request arrived. */
  at: number;
}

export type Fault =
  /** 429 with Retry-After and the X-RateLimit headers @discordjs/rest reads; the request is not served. */
  | { kind: 'rateLimit'; retryAfterSeconds: number; global?: boolean }
  /** A 5xx; the request is not served. */
  | { kind: 'serverError'; status?: number }
  /** Served normally, but the response leaves after `ms` (the request still counts as arrived on time). */
  | { kind: 'slow'; ms: number };

export interface FaultRule {
  method?: string;
  path: RegExp;
  fault: Fault;
  /** How many matching requests it still applies to. */
  remaining: number;
  /** How many it has hit so far. */
  hits: number;
}

export type ExchangeEventKind = 'callback' | 'edit' | 'followUp' | 'delete';

export interface ExchangeEvent {
  kind: ExchangeEventKind;
  /** The callback type (4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete). */
  type?: InteractionResponseType;
  data: any; // the message body, or for autocomplete { choices }
  /** Milliseconds since the interaction was dispatched. */
  afterMs: number;
  /** The message it created or changed. */
  messageId?: string;
}

/** One interaction: what was dispatched and everything the bot sent about it. */
export class Exchange {
  readonly events: ExchangeEvent[] = [];
  /** Requests Discord refused (late or repeated acknowledgement, unknown message...). */
  readonly rejections: string[] = [];
  /** The message "@original" refers to once acknowledged. */
  originalMessageId?: string;
  /** While Discord waits for the bot's HTTP response (HTTP interactions): settles once it is read. */
  delivery?: Promise<void>;

  constructor(
    readonly payload: APIInteraction,
    readonly dispatchedAt: number,
    private readonly changes: EventEmitter,
  ) {}

  get id(): string {
    return this.payload.id;
  }

  get callback(): ExchangeEvent {
    const callback = this.events.find((e) => e.kind === 'callback');
    if (!callback) throw new Error(`interaction ${this.id} has no callback yet`);
    return callback;
  }

  /** The first event (already sent or still to come) that `accept` takes. */
  waitFor(accept: (event: ExchangeEvent) => boolean, what: string, timeoutMs = 10_000): Promise<ExchangeEvent> {
    return waitUntil(this.changes, () => this.events.find(accept), `${what} for interaction ${this.id}`, timeoutMs);
  }

  /**
   * What the user ends up seeing: the callback's message, or after a deferral the edit or follow-up
   * that replaces the "thinking…" placeholder.
   */
  async answer(timeoutMs = 10_000): Promise<ExchangeEvent> {
    const callback = await this.waitFor((e) => e.kind === 'callback', 'a callback', timeoutMs);
    const deferred =
      callback.type === InteractionResponseType.DeferredChannelMessageWithSource ||
      callback.type === InteractionResponseType.DeferredMessageUpdate;
    if (!deferred) return callback;
    return this.waitFor((e) => e.kind === 'edit' || e.kind === 'followUp', 'an answer after the deferral', timeoutMs);
  }
}

interface Session {
  id: string;
  sequence: number;
  /** Every dispatch of the session with its sequence number, for replay on RESUME. */
  sent: { s: number; t: string; d: unknown }[];
  socket?: WebSocket;
  ready: boolean;
}

export interface SessionEvent {
  kind: 'ready' | 'resumed';
  sessionId: string;
  at: number;
}

function waitUntil<T>(changes: EventEmitter, check: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
  const now = check();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise<T>((resolve, reject) => {
    const onChange = () => {
      const value = check();
      if (value === undefined) return;
      cleanup();
      resolve(value);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      changes.off('change', onChange);
    };
    changes.on('change', onChange);
  });
}

let nextId = BigInt(Date.now() - 1420070400000) << 22n;
/** Discord IDs: increasing snowflakes, so order of creation is order of ID. */
export function snowflake(): string {
  nextId += 1n;
  return nextId.toString();
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(req: IncomingMessage, raw: Buffer): Promise<unknown> {
  if (raw.length === 0) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) return JSON.parse(raw.toString('utf8'));
  if (type.startsWith('multipart/form-data')) {
    // Files (images) travel as multipart with the message JSON in payload_json.
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const json = form.get('payload_json');
    const files = [...form.entries()]
      .filter(([key]) => key.startsWith('files['))
      .map(([key, value]) => ({
        key,
        name: typeof value === 'string' ? undefined : value.name,
        size: typeof value === 'string' ? value.length : value.size,
      }));
    return { ...(typeof json === 'string' ? JSON.parse(json) : {}), _files: files };
  }
  return raw.toString('utf8');
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const BOT_USER = {
  id: FAKE_APPLICATION_ID,
  username: 'Youcheng',
  global_name: null,
  discriminator: '0',
  avatar: null,
  bot: true,
  flags: 0,
  verified: true,
  mfa_enabled: false,
} as const;

export class FakeDiscord {
  readonly token: string;
  readonly guilds: Required<FakeGuild>[];
  readonly requests: RecordedRequest[] = [];
  /** PUT application commands, in order: where and what was registered. */
  readonly registrations: { guildId?: string; commands: any[] }[] = [];
  readonly messages = new Map<string, APIMessage>();
  readonly exchanges = new Map<string, Exchange>();
  readonly sessionEvents: SessionEvent[] = [];
  /** Gateway payloads the bot sent (op and d), for assertions on IDENTIFY/RESUME. */
  readonly gatewayReceived: { op: number; d: any }[] = [];
  /** Emits 'change' whenever anything above changes. */
  readonly changes = new EventEmitter();

  private readonly faults: FaultRule[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly exchangesByToken = new Map<string, Exchange>();
  private readonly httpServer: Server;
  private readonly wss: WebSocketServer;
  private readonly heartbeatIntervalMs: number;
  private readonly callbackTimeoutMs: number;
  private port = 0;

  constructor(options: FakeDiscordOptions = {}) {
    this.token = options.token ?? FAKE_TOKEN;
    this.guilds = (options.guilds ?? [{ id: FAKE_GUILD_ID, channelIds: [FAKE_CHANNEL_ID] }]).map((g, i) => ({
      id: g.id,
      name: g.name ?? `Test server ${i + 1}`,
      locale: g.locale ?? 'en-US',
      channelIds: g.channelIds?.length ? g.channelIds : [snowflake()],
    }));
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.callbackTimeoutMs = options.callbackTimeoutMs ?? 10_000;
    this.changes.setMaxListeners(0);
    this.httpServer = createServer((req, res) => {
      this.serveRest(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500).end(String(error));
      });
    });
    this.wss = new WebSocketServer({ server: this.httpServer, path: '/gateway' });
    this.wss.on('connection', (socket) => this.onConnection(socket));
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.httpServer.listen(0, '127.0.0.1', resolve));
    this.port = (this.httpServer.address() as AddressInfo).port;
    return this;
  }

  /** The value for DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  async close(): Promise<void> {
    for (const socket of this.wss.clients) socket.terminate();
    this.wss.close();
    this.httpServer.closeAllConnections();
    await new Promise<void>((resolve) => this.httpServer.close(() => resolve()));
  }

  private changed(): void {
    this.changes.emit('change');
  }

  // ---- faults --------------------------------------------------------------------------------------

  /** Apply `fault` to the next `times` requests whose method and path match. */
  inject(match: { method?: string; path: RegExp }, fault: Fault, times = 1): FaultRule {
    const rule: FaultRule = { ...match, fault, remaining: times, hits: 0 };
    this.faults.push(rule);
    return rule;
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const rule = this.faults.find((r) => r.remaining > 0 && (!r.method || r.method === method) && r.path.test(path));
    if (!rule) return undefined;
    rule.remaining -= 1;
    rule.hits += 1;
    return rule.fault;
  }

  // ---- REST ----------------------------------------------------------------------------------------

  private async serveRest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const versioned = /^\/api\/v\d+(\/.*)$/.exec(url.pathname);
    const raw = await readRaw(req);
    if (!versioned) {
      res
        .writeHead(404, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ message: '404: Not Found', code: 0 }));
      return;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const path = decodeURIComponent(versioned[1]!);
    const request: RecordedRequest = {
      method,
      path,
      query: url.searchParams,
      body: await parseBody(req, raw),
      authorized: req.headers.authorization === `Bot ${this.token}`,
      status: 0,
      at,
    };
    this.requests.push(request);

    const fault = this.takeFault(method, path);
    if (fault?.kind === 'rateLimit') {
      request.status = 429;
      const bucket = `fake-${path.split('/')[1] ?? 'root'}`;
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        'Retry-After': String(fault.retryAfterSeconds),
        'X-RateLimit-Limit': '5',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': String(Date.now() / 1000 + fault.retryAfterSeconds),
        'X-RateLimit-Reset-After': String(fault.retryAfterSeconds),
        'X-RateLimit-Bucket': bucket,
        'X-RateLimit-Scope': fault.global ? 'global' : 'user',
      };
      if (fault.global) headers['X-RateLimit-Global'] = 'true';
      res.writeHead(429, headers).end(
        JSON.stringify({
          message: 'You are being rate limited.',
          retry_after: fault.retryAfterSeconds,
          global: Boolean(fault.global),
          code: 0,
        }),
      );
      this.changed();
      return;
    }
    if (fault?.kind === 'serverError') {
      request.status = fault.status ?? 500;
      res
        .writeHead(request.status, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ message: 'Internal Server Error', code: 0 }));
      this.changed();
      return;
    }

    // Discord reads a bot's HTTP response before it serves that interaction's webhook calls.
    const webhookToken = /^\/webhooks\/\d+\/([^/]+)/.exec(path)?.[1];
    const delivery = webhookToken ? this.exchangesByToken.get(webhookToken)?.delivery : undefined;
    if (delivery) await delivery;

    let status = 200;
    let body: unknown;
    try {
      body = this.route(request);
      if (body === undefined) status = 204;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      status = error.status;
      body = { message: error.message, code: error.code };
    }
    request.status = status;
    this.changed();
    if (fault?.kind === 'slow') await sleep(fault.ms);
    // A 204 has no body and must not claim JSON, or @discordjs/rest tries to parse nothing.
    if (status === 204) res.writeHead(204).end();
    else res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  }

  /** Answer one request; undefined means 204 No Content. */
  private route(request: RecordedRequest): unknown {
    const { method, path } = request;
    let m: RegExpExecArray | null;

    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) && method === 'POST') {
      return this.onCallback(m[1]!, m[2]!, request);
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(path))) {
      return this.onWebhook(m[2]!, m[3], request);
    }

    if (!request.authorized) throw new HttpError(401, 0, '401: Unauthorized');
    if (method === 'GET' && path === '/gateway/bot') {
      return {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      };
    }
    if (method === 'GET' && path === '/users/@me') return BOT_USER;
    if (method === 'GET' && path === '/applications/@me') {
      return {
        id: FAKE_APPLICATION_ID,
        name: 'Youcheng',
        description: '',
        bot_public: true,
        bot_require_code_grant: false,
        verify_key: '0'.repeat(64),
        flags: 0,
        bot: BOT_USER,
      };
    }
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path)) && method === 'PUT') {
      if (m[1] !== FAKE_APPLICATION_ID) throw new HttpError(403, 50001, 'Missing Access');
      const commands = (request.body as Record<string, unknown>[]).map((command) => ({
        id: snowflake(),
        application_id: FAKE_APPLICATION_ID,
        version: snowflake(),
        default_member_permissions: null,
        type: 1,
        ...(m![2] ? { guild_id: m![2] } : {}),
        ...command,
      }));
      this.registrations.push({ ...(m[2] ? { guildId: m[2] } : {}), commands });
      return commands;
    }
    if ((m = /^\/channels\/(\d+)$/.exec(path)) && method === 'GET') return this.channel(m[1]!);
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === 'POST') {
      this.channel(m[1]!);
      return this.storeMessage({ channel_id: m[1]!, ...(request.body as object) });
    }
    if ((m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path))) {
      const message = this.messages.get(m[2]!);
      if (!message || message.channel_id !== m[1]) throw new HttpError(404, 10008, 'Unknown Message');
      if (method === 'GET') return message;
      if (method === 'PATCH') return this.editMessage(message, request.body as object);
      if (method === 'DELETE') {
        this.messages.delete(message.id);
        return undefined;
      }
    }
    throw new HttpError(404, 0, `404: Not Found (the fake has no ${method} ${path})`);
  }

  private channel(id: string) {
    const guild = this.guilds.find((g) => g.channelIds.includes(id));
    if (!guild) throw new HttpError(404, 10003, 'Unknown Channel');
    return {
      id,
      type: 0,
      guild_id: guild.id,
      name: `general-${id.slice(-4)}`,
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
    };
  }

  private storeMessage(fields: Partial<APIMessage> & { channel_id: string }): APIMessage {
    const { allowed_mentions: _ignored, _files: _uploaded, ...rest } = fields as Record<string, unknown>;
    const message = fakeMessage({
      ...rest,
      id: snowflake(),
      timestamp: new Date().toISOString(),
    } as Partial<APIMessage>);
    this.messages.set(message.id, message);
    return message;
  }

  private editMessage(message: APIMessage, fields: object): APIMessage {
    const { allowed_mentions: _ignored, _files: _uploaded, ...rest } = fields as Record<string, unknown>;
    Object.assign(message, rest, { edited_timestamp: new Date().toISOString() });
    return message;
  }

  private record(exchange: Exchange, event: Omit<ExchangeEvent, 'afterMs'>, at: number): void {
    exchange.events.push({ ...event, afterMs: Math.round((at - exchange.dispatchedAt) * 10) / 10 });
  }

  private onCallback(id: string, token: string, request: RecordedRequest): unknown {
    const exchange = this.exchanges.get(id);
    if (!exchange || exchange.payload.token !== token) throw new HttpError(404, 10062, 'Unknown interaction');
    const age = request.at - exchange.dispatchedAt;
    if (age > DISCORD_DEADLINE_MS) {
      exchange.rejections.push(`callback ${Math.round(age)} ms after dispatch (Discord allows ${DISCORD_DEADLINE_MS})`);
      throw new HttpError(404, 10062, 'Unknown interaction');
    }
    if (exchange.events.some((e) => e.kind === 'callback')) {
      exchange.rejections.push('acknowledged twice');
      throw new HttpError(400, 40060, 'Interaction has already been acknowledged.');
    }
    const {
      type,
      data: json,
      _files: files,
    } = request.body as { type: InteractionResponseType; data?: any; _files?: unknown[] };
    // Files uploaded with the callback are listed beside the message JSON, as for webhook calls.
    const data = files ? { ...json, _files: files } : json;
    const messageId = this.acceptCallback(exchange, type, data, request.at);
    if (request.query.get('with_response') !== 'true') return undefined;
    return {
      interaction: {
        id,
        type: exchange.payload.type,
        activity_instance_id: null,
        response_message_id: messageId ?? null,
        response_message_loading: type === 5,
        response_message_ephemeral: Boolean((data?.flags ?? 0) & 64),
      },
      resource: { type, ...(messageId ? { message: this.messages.get(messageId) } : {}) },
    };
  }

  /** Discord takes an acknowledgement: the message it creates or changes, and the exchange's record. */
  private acceptCallback(exchange: Exchange, type: InteractionResponseType, data: any, at: number): string | undefined {
    let messageId: string | undefined;
    const onMessage = 'message' in exchange.payload ? (exchange.payload.message as APIMessage | undefined) : undefined;
    if (
      type === InteractionResponseType.ChannelMessageWithSource ||
      type === InteractionResponseType.DeferredChannelMessageWithSource
    ) {
      const message = this.storeMessage({
        channel_id: exchange.payload.channel?.id ?? FAKE_CHANNEL_ID,
        ...(type === InteractionResponseType.ChannelMessageWithSource ? data : { flags: data?.flags ?? 0 }),
      });
      messageId = message.id;
    } else if (
      type === InteractionResponseType.UpdateMessage ||
      type === InteractionResponseType.DeferredMessageUpdate
    ) {
      messageId = onMessage?.id;
      const stored = messageId ? this.messages.get(messageId) : undefined;
      if (stored && type === InteractionResponseType.UpdateMessage) this.editMessage(stored, data ?? {});
    }
    if (messageId) exchange.originalMessageId = messageId;
    this.record(exchange, { kind: 'callback', type, data, ...(messageId ? { messageId } : {}) }, at);
    this.changed();
    return messageId;
  }

  private onWebhook(token: string, messageRef: string | undefined, request: RecordedRequest): unknown {
    const exchange = this.exchangesByToken.get(token);
    if (!exchange) throw new HttpError(401, 50027, 'Invalid Webhook Token');
    if (!exchange.events.some((e) => e.kind === 'callback')) {
      exchange.rejections.push(
        `${request.method} ${messageRef ?? 'follow-up'} before the interaction was acknowledged`,
      );
      throw new HttpError(404, 10015, 'Unknown Webhook');
    }
    if (messageRef === undefined) {
      if (request.method !== 'POST') throw new HttpError(405, 0, '405: Method Not Allowed');
      const message = this.storeMessage({
        channel_id: exchange.payload.channel?.id ?? FAKE_CHANNEL_ID,
        ...request.body,
      });
      this.record(exchange, { kind: 'followUp', data: request.body, messageId: message.id }, request.at);
      return message;
    }
    const messageId = messageRef === '@original' ? exchange.originalMessageId : messageRef;
    const message = messageId ? this.messages.get(messageId) : undefined;
    if (!message) throw new HttpError(404, 10008, 'Unknown Message');
    switch (request.method) {
      case 'GET':
        return message;
      case 'PATCH':
        this.editMessage(message, request.body ?? {});
        this.record(exchange, { kind: 'edit', data: request.body, messageId: message.id }, request.at);
        return message;
      case 'DELETE':
        this.messages.delete(message.id);
        this.record(exchange, { kind: 'delete', data: undefined, messageId: message.id }, request.at);
        return undefined;
      default:
        throw new HttpError(405, 0, '405: Method Not Allowed');
    }
  }

  // ---- gateway -------------------------------------------------------------------------------------

  private onConnection(socket: WebSocket): void {
    const send = (payload: object) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
    };
    send({
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.heartbeatIntervalMs, _trace: ['fake-gateway'] },
      s: null,
      t: null,
    });
    let session: Session | undefined;
    socket.on('message', (raw) => {
      let payload: { op: number; d: any };
      try {
        payload = JSON.parse(String(raw));
      } catch {
        socket.close(4002, 'Decode error');
        return;
      }
      this.gatewayReceived.push({
        op: payload.op,
        d:
          payload.op === GatewayOpcodes.Identify || payload.op === GatewayOpcodes.Resume
            ? { ...payload.d, token: '[token]' }
            : payload.d,
      });
      switch (payload.op) {
        case GatewayOpcodes.Heartbeat:
          send({ op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
          break;
        case GatewayOpcodes.Identify:
          if (payload.d?.token !== this.token) {
            socket.close(4004, 'Authentication failed');
            return;
          }
          session = { id: snowflake(), sequence: 0, sent: [], socket, ready: false };
          this.sessions.set(session.id, session);
          this.identify(session, payload.d);
          break;
        case GatewayOpcodes.Resume: {
          const known = this.sessions.get(payload.d?.session_id);
          if (!known || payload.d?.token !== this.token) {
            send({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
            return;
          }
          session = known;
          session.socket = socket;
          // Replay what the bot missed, as Discord does, then RESUMED.
          for (const event of session.sent.filter((e) => e.s > Number(payload.d.seq ?? 0))) {
            send({ op: GatewayOpcodes.Dispatch, ...event });
          }
          this.dispatch(session, GatewayDispatchEvents.Resumed, { _trace: ['fake-gateway'] });
          session.ready = true;
          this.sessionEvents.push({ kind: 'resumed', sessionId: session.id, at: performance.now() });
          this.changed();
          break;
        }
        default:
          break; // presence updates, member requests: nothing to do
      }
    });
    socket.on('close', (code) => {
      if (session?.socket !== socket) return;
      session.socket = undefined;
      session.ready = false;
      // A bot that closes with 1000/1001 ends its session; any other close leaves it resumable.
      if (code === 1000 || code === 1001) this.sessions.delete(session.id);
      this.changed();
    });
  }

  private dispatch(session: Session, t: string, d: unknown): number {
    session.sequence += 1;
    const event = { s: session.sequence, t, d };
    if (t !== GatewayDispatchEvents.Resumed) session.sent.push(event);
    // While the bot is away the event waits in `sent`; RESUME replays it, as Discord does.
    const socket = session.socket;
    if (socket && socket.readyState === socket.OPEN)
      socket.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, ...event }));
    return session.sequence;
  }

  private identify(session: Session, identify: { intents?: number }): void {
    this.dispatch(session, GatewayDispatchEvents.Ready, {
      v: 10,
      user: BOT_USER,
      guilds: this.guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl,
      session_type: 'normal',
      shard: [0, 1],
      application: { id: FAKE_APPLICATION_ID, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
      _trace: ['fake-gateway'],
      intents: identify.intents,
    });
    for (const guild of this.guilds)
      this.dispatch(session, GatewayDispatchEvents.GuildCreate, this.guildPayload(guild));
    session.ready = true;
    this.sessionEvents.push({ kind: 'ready', sessionId: session.id, at: performance.now() });
    this.changed();
  }

  private guildPayload(guild: Required<FakeGuild>) {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: '1100000000000000099',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        {
          id: guild.id,
          name: '@everyone',
          color: 0,
          hoist: false,
          icon: null,
          unicode_emoji: null,
          position: 0,
          permissions: '1071698660929',
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: guild.channelIds[0],
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: guild.locale,
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      joined_at: '2024-01-01T00:00:00.000Z',
      large: false,
      unavailable: false,
      member_count: 4,
      voice_states: [],
      members: [],
      channels: guild.channelIds.map((id, position) => ({
        id,
        type: 0,
        name: `general-${position}`,
        position,
        permission_overwrites: [],
        nsfw: false,
        parent_id: null,
        topic: null,
        last_message_id: null,
        rate_limit_per_user: 0,
      })),
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  /** The session currently connected and ready, if any. */
  private liveSession(): Session | undefined {
    let live: Session | undefined;
    for (const session of this.sessions.values()) if (session.ready && session.socket) live = session;
    return live;
  }

  /** The newest session that is connected or can still be resumed. */
  private latestSession(): Session | undefined {
    return [...this.sessions.values()].at(-1);
  }

  /** Resolves once a session is ready (after IDENTIFY or RESUME) beyond the first `after` events. */
  waitForSession(after = 0, timeoutMs = 20_000): Promise<SessionEvent> {
    return waitUntil(this.changes, () => this.sessionEvents[after], 'the bot to connect to the gateway', timeoutMs);
  }

  // ---- gateway faults ------------------------------------------------------------------------------

  /** Close the bot's connection: 4000 (unknown error, resumable) by default; 1006 drops it without a close frame. */
  dropConnection(code: 4000 | 1006 | number = 4000): void {
    const session = this.liveSession();
    if (!session?.socket) throw new Error('no connected session to drop');
    if (code === 1006) session.socket.terminate();
    else session.socket.close(code, 'fake Discord closed the connection');
  }

  /** op 7: Discord asks the bot to reconnect and resume. */
  requestReconnect(): void {
    const session = this.liveSession();
    if (!session?.socket) throw new Error('no connected session');
    session.socket.send(JSON.stringify({ op: GatewayOpcodes.Reconnect, d: null, s: null, t: null }));
  }

  /** op 9 with d: false: the session is gone; the bot must identify again. */
  invalidateSession(): void {
    const session = this.liveSession();
    if (!session?.socket) throw new Error('no connected session');
    this.sessions.delete(session.id);
    session.ready = false;
    session.socket.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null }));
  }

  // ---- interactions --------------------------------------------------------------------------------

  /**
   * Send INTERACTION_CREATE to the bot (waiting first for a connected session) and resolve once the
   * bot has acknowledged it; later edits and follow-ups keep arriving in the returned exchange.
   * Rejects when the bot answers late or not at all.
   */
  async dispatchInteraction(payload: APIInteraction): Promise<Exchange> {
    const exchange = this.send(payload);
    await exchange
      .waitFor((e) => e.kind === 'callback', 'a callback', this.callbackTimeoutMs)
      .catch((error: Error) => {
        throw new Error(`${error.message}${exchange.rejections.length ? ` (${exchange.rejections.join('; ')})` : ''}`);
      });
    return exchange;
  }

  /** Send without waiting for the callback (for load). */
  send(payload: APIInteraction): Exchange {
    // A resumable session that is momentarily disconnected gets the event on RESUME.
    const session = this.liveSession() ?? this.latestSession();
    if (!session) throw new Error('the bot has no gateway session with the fake Discord');
    const exchange = this.track(payload);
    this.dispatch(session, GatewayDispatchEvents.InteractionCreate, payload);
    return exchange;
  }

  /**
   * An interaction that reaches the bot another way (POSTed to its HTTP endpoint): Discord knows it,
   * so the bot's later edits and follow-ups through REST are recognised.
   */
  track(payload: APIInteraction): Exchange {
    // The message a clicked component sits on is one Discord knows, even if it was made up for a test.
    const message = 'message' in payload ? payload.message : undefined;
    if (message && !this.messages.has(message.id)) this.messages.set(message.id, structuredClone(message));
    const exchange = new Exchange(payload, performance.now(), this.changes);
    this.exchanges.set(payload.id, exchange);
    this.exchangesByToken.set(payload.token, exchange);
    return exchange;
  }

  /**
   * POST an interaction to a bot's HTTP interactions endpoint, as Discord does; `sign` gives the
   * signature headers for a body. A 200 response is the bot's acknowledgement.
   */
  async deliver(
    endpoint: string,
    payload: APIInteraction,
    sign: (body: string) => Record<string, string>,
  ): Promise<{ status: number; body: any; exchange: Exchange }> {
    const exchange = this.track(payload);
    const text = JSON.stringify(payload);
    let result: { status: number; body: any } = { status: 0, body: undefined };
    exchange.delivery = (async () => {
      const response = await fetch(endpoint, { method: 'POST', headers: sign(text), body: text });
      const raw = await response.text();
      result = {
        status: response.status,
        body: response.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(raw) : raw,
      };
      if (response.status === 200) this.acceptCallback(exchange, result.body.type, result.body.data, performance.now());
    })();
    try {
      await exchange.delivery;
    } finally {
      exchange.delivery = undefined;
    }
    return { ...result, exchange };
  }

  /**
   * Resolves once `accept` takes a message (now or after a create or edit) with a copy of it as it
   * was then: what a user saw, whose screen may not have caught up with later edits.
   */
  async waitForMessage(
    accept: (message: APIMessage) => boolean,
    what: string,
    timeoutMs = 10_000,
  ): Promise<APIMessage> {
    const found = await waitUntil(this.changes, () => [...this.messages.values()].find(accept), what, timeoutMs);
    return structuredClone(found);
  }
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return new FakeDiscord(options).listen();
}
