// A Discord that lives in memory, for tests: real discord.js interaction objects (so reply, defer,
// update, editReply, followUp and respond behave as in production) built from API payloads, and a
// client whose REST layer records every request and answers it like Discord would. Nothing logs in,
// nothing touches the network.
//
//   const discord = createFakeDiscord();
//   const i = discord.chatInput('city', { name: 'Duisburg' }, { locale: 'zh-CN' });
//   await router.handle(i);
//   discord.recorded(i) // → [{ kind: 'reply', type: 4, data: { embeds: [...], flags: 64, ... } }]
//
// The module-level functions (chatInput, button, recorded, ...) share one default instance; the
// *Payload builders give the raw JSON Discord sends, for transports that receive it (HTTP endpoint).
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  AutocompleteInteraction,
  ButtonInteraction,
  ChannelType,
  ChatInputCommandInteraction,
  Client,
  ComponentType,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  MessageContextMenuCommandInteraction,
  PermissionFlagsBits,
  SnowflakeUtil,
  StringSelectMenuInteraction,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteractionDataResolved,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentButtonInteraction,
  type APIMessageComponentSelectMenuInteraction,
  type APIUser,
} from 'discord.js';

export const FAKE_APPLICATION_ID = '1100000000000000001';
export const FAKE_GUILD_ID = '1100000000000000002';
export const FAKE_CHANNEL_ID = '1100000000000000003';
export const FAKE_USER_ID = '1100000000000000004';
/** Not a real token: the REST layer insists on one for authenticated routes such as channel messages. */
const FAKE_BOT_TOKEN = 'fake-bot-token-for-tests';

/** Permissions of an ordinary member: see, read and write. */
export const MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ReadMessageHistory;

export interface FakeUser {
  id?: string;
  username: string;
  globalName?: string | null;
  /** Server nickname; only in a server. */
  nick?: string | null;
}

/** A slash-command option value: strings, integers, non-integer numbers, booleans, or a user. */
export type OptionInput = string | number | boolean | { user: FakeUser };

export interface InteractionOptions {
  /** The user's Discord locale ("en-US", "zh-CN", "zh-TW", ...). Default "en-US". */
  locale?: string;
  /** The server's locale; default "en-US". Ignored in DMs. */
  guildLocale?: string;
  /** null → a DM with the bot. */
  guildId?: string | null;
  channelId?: string;
  userId?: string;
  username?: string;
  globalName?: string | null;
  nick?: string | null;
  /** The member's permissions in the channel; default MEMBER_PERMISSIONS. */
  permissions?: bigint;
  /** For commands with subcommands: the options go inside it. */
  subcommand?: string;
}

export interface ComponentOptions extends InteractionOptions {
  /** The message the component sits on. */
  message?: Partial<APIMessage>;
}

export interface RecordedRequest {
  method: string;
  /** After /api/v10, e.g. "/interactions/1/abc/callback"; "@original" decoded. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** Files uploaded with the request (multipart), in order. */
  files: UploadedFile[];
  /** Whether the request carried the bot token (interaction callbacks and webhooks do not). */
  authorized: boolean;
}

export interface UploadedFile {
  /** The form field: "files[0]", ... */
  field: string;
  name: string;
  data: Uint8Array;
}

export type SentKind =
  | 'reply'
  | 'deferReply'
  | 'deferUpdate'
  | 'update'
  | 'autocomplete'
  | 'modal'
  | 'editReply'
  | 'followUp'
  | 'deleteReply';

/** Something the bot sent about one interaction, in the order it was sent. */
export interface Sent {
  kind: SentKind;
  /** The interaction callback type for callbacks; absent for webhook edits and follow-ups. */
  type?: InteractionResponseType;
  /** The message body (or, for autocomplete, `{ choices }`) exactly as Discord received it. */
  data: any; // tests read whichever field they assert on
  /** Files uploaded with it (images), in order. */
  files: UploadedFile[];
  interactionId: string;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
}

export interface FakeDiscordOptions {
  /** Answer a request yourself (to simulate an error or an expired interaction); undefined → default. */
  respond?: (request: RecordedRequest) => FakeResponse | undefined;
}

const CALLBACK_KIND: Partial<Record<InteractionResponseType, SentKind>> = {
  [InteractionResponseType.ChannelMessageWithSource]: 'reply',
  [InteractionResponseType.DeferredChannelMessageWithSource]: 'deferReply',
  [InteractionResponseType.DeferredMessageUpdate]: 'deferUpdate',
  [InteractionResponseType.UpdateMessage]: 'update',
  [InteractionResponseType.ApplicationCommandAutocompleteResult]: 'autocomplete',
  [InteractionResponseType.Modal]: 'modal',
};

function snowflake(): string {
  return SnowflakeUtil.generate().toString();
}

function apiUser(user: FakeUser): APIUser {
  return {
    id: user.id ?? snowflake(),
    username: user.username,
    global_name: user.globalName ?? null,
    discriminator: '0',
    avatar: null,
  };
}

function botUser(): APIUser {
  return {
    id: FAKE_APPLICATION_ID,
    username: 'Youcheng',
    global_name: null,
    discriminator: '0',
    avatar: null,
    bot: true,
  };
}

/** A message as Discord returns it, for the REST answers and for components' host messages. */
export function fakeMessage(fields: Partial<APIMessage> = {}): APIMessage {
  return {
    id: snowflake(),
    channel_id: FAKE_CHANNEL_ID,
    author: botUser(),
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
    ...fields,
  } as APIMessage;
}

function jsonResponse(status: number, body: unknown): Response {
  // A 204 must carry no body and no JSON content type, or @discordjs/rest tries to parse it.
  if (status === 204 || body === undefined) return new Response(null, { status: status === 200 ? 204 : status });
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

async function readFiles(body: unknown): Promise<UploadedFile[]> {
  if (!(body instanceof FormData)) return [];
  const files: UploadedFile[] = [];
  for (const [field, value] of body.entries()) {
    if (typeof value !== 'string')
      files.push({ field, name: value.name, data: new Uint8Array(await value.arrayBuffer()) });
  }
  return files;
}

async function readBody(body: unknown): Promise<unknown> {
  if (typeof body === 'string') return JSON.parse(body);
  if (body instanceof FormData) {
    const json = body.get('payload_json');
    return typeof json === 'string' ? JSON.parse(json) : undefined;
  }
  return undefined;
}

// ---- raw interaction payloads, as Discord sends them (also what an HTTP endpoint receives) --------

const TOKEN_PREFIX = 'interaction-token-';
/** Interaction tokens made here embed the interaction's ID, so webhook calls can be traced back. */
function interactionIdOf(token: string): string | undefined {
  return token.startsWith(TOKEN_PREFIX) ? token.slice(TOKEN_PREFIX.length) : undefined;
}

function base(type: InteractionType, opts: InteractionOptions): Record<string, unknown> {
  const id = snowflake();
  const token = `${TOKEN_PREFIX}${id}`;
  const user = apiUser({
    id: opts.userId ?? FAKE_USER_ID,
    username: opts.username ?? 'tester',
    globalName: opts.globalName ?? null,
  });
  const inGuild = opts.guildId !== null;
  const channelId = opts.channelId ?? FAKE_CHANNEL_ID;
  const payload: Record<string, unknown> = {
    id,
    application_id: FAKE_APPLICATION_ID,
    type,
    token,
    version: 1,
    locale: opts.locale ?? 'en-US',
    app_permissions: String(MEMBER_PERMISSIONS | PermissionFlagsBits.EmbedLinks),
    entitlements: [],
    authorizing_integration_owners: { 0: inGuild ? (opts.guildId ?? FAKE_GUILD_ID) : '0' },
    context: inGuild ? InteractionContextType.Guild : InteractionContextType.BotDM,
    attachment_size_limit: 10 * 1024 * 1024,
    channel_id: channelId,
    channel: { id: channelId, type: inGuild ? ChannelType.GuildText : ChannelType.DM },
  };
  if (inGuild) {
    payload.guild_id = opts.guildId ?? FAKE_GUILD_ID;
    payload.guild_locale = opts.guildLocale ?? 'en-US';
    payload.member = {
      user,
      nick: opts.nick ?? null,
      roles: [],
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      permissions: String(opts.permissions ?? MEMBER_PERMISSIONS),
    };
  } else {
    payload.user = user;
  }
  return payload;
}

function commandOptions(
  values: Record<string, OptionInput>,
  focused: string | undefined,
  inGuild: boolean,
): { options: APIApplicationCommandInteractionDataBasicOption[]; resolved: APIInteractionDataResolved } {
  const resolved: APIInteractionDataResolved = {};
  const options = Object.entries(values).map(([name, value]) => {
    if (typeof value === 'object') {
      const user = apiUser(value.user);
      (resolved.users ??= {})[user.id] = user;
      if (inGuild) {
        (resolved.members ??= {})[user.id] = {
          nick: value.user.nick ?? null,
          roles: [],
          joined_at: '2024-01-01T00:00:00.000Z',
          flags: 0,
          permissions: String(MEMBER_PERMISSIONS),
        } as never;
      }
      return { name, type: ApplicationCommandOptionType.User, value: user.id };
    }
    if (name === focused)
      return { name, type: ApplicationCommandOptionType.String, value: String(value), focused: true };
    const type =
      typeof value === 'boolean'
        ? ApplicationCommandOptionType.Boolean
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? ApplicationCommandOptionType.Integer
            : ApplicationCommandOptionType.Number
          : ApplicationCommandOptionType.String;
    return { name, type, value };
  });
  return { options: options as APIApplicationCommandInteractionDataBasicOption[], resolved };
}

function wrapSubcommand(
  options: APIApplicationCommandInteractionDataBasicOption[],
  subcommand: string | undefined,
): APIApplicationCommandInteractionDataOption[] {
  return subcommand ? [{ name: subcommand, type: ApplicationCommandOptionType.Subcommand, options }] : options;
}

function componentMessage(opts: ComponentOptions): APIMessage {
  return fakeMessage({ channel_id: opts.channelId ?? FAKE_CHANNEL_ID, ...opts.message });
}

export function chatInputPayload(
  name: string,
  values: Record<string, OptionInput> = {},
  opts: InteractionOptions = {},
) {
  const payload = base(InteractionType.ApplicationCommand, opts);
  const { options, resolved } = commandOptions(values, undefined, opts.guildId !== null);
  payload.data = {
    id: snowflake(),
    name,
    type: ApplicationCommandType.ChatInput,
    options: wrapSubcommand(options, opts.subcommand),
    resolved,
  };
  return payload as unknown as APIChatInputApplicationCommandInteraction;
}

export function autocompletePayload(
  name: string,
  focused: string,
  values: Record<string, OptionInput>,
  opts: InteractionOptions = {},
) {
  const payload = base(InteractionType.ApplicationCommandAutocomplete, opts);
  const { options } = commandOptions(values, focused, opts.guildId !== null);
  payload.data = {
    id: snowflake(),
    name,
    type: ApplicationCommandType.ChatInput,
    options: wrapSubcommand(options, opts.subcommand),
  };
  return payload as unknown as APIApplicationCommandAutocompleteInteraction;
}

export function buttonPayload(customId: string, opts: ComponentOptions = {}) {
  const payload = base(InteractionType.MessageComponent, opts);
  payload.message = componentMessage(opts);
  payload.data = { custom_id: customId, component_type: ComponentType.Button };
  return payload as unknown as APIMessageComponentButtonInteraction;
}

export function selectPayload(customId: string, values: string[], opts: ComponentOptions = {}) {
  const payload = base(InteractionType.MessageComponent, opts);
  payload.message = componentMessage(opts);
  payload.data = { custom_id: customId, component_type: ComponentType.StringSelect, values };
  return payload as unknown as APIMessageComponentSelectMenuInteraction;
}

export function messageContextPayload(name: string, text: string, opts: InteractionOptions = {}) {
  const payload = base(InteractionType.ApplicationCommand, opts);
  const target = fakeMessage({
    channel_id: opts.channelId ?? FAKE_CHANNEL_ID,
    author: apiUser({ username: 'someone' }),
    content: text,
  });
  payload.data = {
    id: snowflake(),
    name,
    type: ApplicationCommandType.Message,
    target_id: target.id,
    resolved: { messages: { [target.id]: target } },
  };
  return payload as unknown as APIMessageApplicationCommandInteraction;
}

// ---- the fake Discord -----------------------------------------------------------------------------

export interface FakeDiscord {
  client: Client;
  /** Every REST request, in order. */
  requests: RecordedRequest[];
  chatInput(
    name: string,
    options?: Record<string, OptionInput>,
    opts?: InteractionOptions,
  ): ChatInputCommandInteraction;
  /** An autocomplete request while the user types `options[focused]`. */
  autocomplete(
    name: string,
    focused: string,
    options: Record<string, OptionInput>,
    opts?: InteractionOptions,
  ): AutocompleteInteraction;
  button(customId: string, opts?: ComponentOptions): ButtonInteraction;
  select(customId: string, values: string[], opts?: ComponentOptions): StringSelectMenuInteraction;
  /** "Apps → <name>" on a message whose text is `text`. */
  messageContext(name: string, text: string, opts?: InteractionOptions): MessageContextMenuCommandInteraction;
  /** What the bot sent about `interaction` (or about every interaction), in order. */
  recorded(interaction?: { id: string }): Sent[];
  /** Stop the client's timers. */
  destroy(): Promise<void>;
}

export function createFakeDiscord(options: FakeDiscordOptions = {}): FakeDiscord {
  const requests: RecordedRequest[] = [];
  const sent: Sent[] = [];

  function record(request: RecordedRequest): void {
    const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(request.path);
    if (callback) {
      const { type, data } = request.body as { type: InteractionResponseType; data?: unknown };
      sent.push({
        kind: CALLBACK_KIND[type] ?? 'reply',
        type,
        data,
        files: request.files,
        interactionId: callback[1]!,
      });
      return;
    }
    const webhook = /^\/webhooks\/\d+\/([^/]+)(\/messages\/(.+))?$/.exec(request.path);
    const interactionId = webhook && interactionIdOf(webhook[1]!);
    if (!webhook || !interactionId) return;
    const onMessage = webhook[2] !== undefined;
    const kind: SentKind | undefined =
      request.method === 'POST' && !onMessage
        ? 'followUp'
        : request.method === 'PATCH' && onMessage
          ? 'editReply'
          : request.method === 'DELETE' && onMessage
            ? 'deleteReply'
            : undefined;
    if (kind) sent.push({ kind, data: request.body, files: request.files, interactionId });
  }

  function defaultResponse(request: RecordedRequest): FakeResponse {
    const { method, path } = request;
    if (/^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    if (method === 'DELETE') return { status: 204 };
    if (/^\/webhooks\/\d+\/[^/]+(\/messages\/.+)?$/.test(path) || /^\/channels\/\d+\/messages/.test(path)) {
      const channelId = /^\/channels\/(\d+)/.exec(path)?.[1] ?? FAKE_CHANNEL_ID;
      const messageId = /\/messages\/(\d+)$/.exec(path)?.[1];
      const fields = (request.body ?? {}) as Partial<APIMessage>;
      return {
        status: 200,
        body: fakeMessage({ ...fields, channel_id: channelId, ...(messageId ? { id: messageId } : {}) }),
      };
    }
    if (method === 'GET' && path === '/applications/@me') {
      return { status: 200, body: { id: FAKE_APPLICATION_ID, name: 'Youcheng', bot: botUser() } };
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      const commands = (request.body as object[]).map((command) => ({
        id: snowflake(),
        application_id: FAKE_APPLICATION_ID,
        version: snowflake(),
        ...command,
      }));
      return { status: 200, body: commands };
    }
    return { status: 404, body: { message: `Unknown route ${method} ${path}`, code: 0 } };
  }

  async function makeRequest(url: string, init: RequestInit): Promise<Response> {
    const parsed = new URL(url);
    const path = decodeURIComponent(parsed.pathname.replace(/^\/api(\/v\d+)?/, ''));
    const headers = new Headers(init.headers);
    const request: RecordedRequest = {
      method: (init.method ?? 'GET').toUpperCase(),
      path,
      query: parsed.searchParams,
      body: await readBody(init.body),
      files: await readFiles(init.body),
      authorized: headers.has('Authorization'),
    };
    requests.push(request);
    const response = options.respond?.(request) ?? defaultResponse(request);
    if (response.status < 400) record(request);
    return jsonResponse(response.status, response.body);
  }

  const client = new Client({
    intents: [],
    rest: {
      // Typed for undici's fetch; the global fetch types differ only in name.
      makeRequest: makeRequest as never,
      hashSweepInterval: 0,
      handlerSweepInterval: 0,
      retries: 0,
    },
  });
  client.rest.setToken(FAKE_BOT_TOKEN);

  // discord.js keeps these constructors out of its public typings; the gateway calls them the same way.
  function construct<T>(ctor: unknown, payload: unknown): T {
    return Reflect.construct(ctor as new (...args: unknown[]) => T, [client, payload]);
  }

  return {
    client,
    requests,
    chatInput: (name, values, opts) => construct(ChatInputCommandInteraction, chatInputPayload(name, values, opts)),
    autocomplete: (name, focused, values, opts) =>
      construct(AutocompleteInteraction, autocompletePayload(name, focused, values, opts)),
    button: (customId, opts) => construct(ButtonInteraction, buttonPayload(customId, opts)),
    select: (customId, values, opts) => construct(StringSelectMenuInteraction, selectPayload(customId, values, opts)),
    messageContext: (name, text, opts) =>
      construct(MessageContextMenuCommandInteraction, messageContextPayload(name, text, opts)),
    recorded(interaction) {
      return interaction ? sent.filter((s) => s.interactionId === interaction.id) : [...sent];
    },
    async destroy() {
      await client.destroy();
    },
  };
}

const shared = createFakeDiscord();

/** The shared instance, for tests that need no options of their own. */
export const fakeClient = shared.client;
export const chatInput = shared.chatInput;
export const autocomplete = shared.autocomplete;
export const button = shared.button;
export const select = shared.select;
export const messageContext = shared.messageContext;
export const recorded = shared.recorded;
