// Reply model → the JSON body Discord receives (REST/interaction callback shape). The gateway
// client, the HTTP interactions endpoint and the console's --json mode all send exactly this.
// Discord's limits are enforced here, once, so no command can produce a body Discord rejects.
import type { Action, Card, Reply } from '../reply/reply.js';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  selectLabel: 100,
  selectPlaceholder: 150,
  attachments: 10,
  attachmentDescription: 1024,
} as const;

/** Discord's MessageFlags.Ephemeral, as a number so this module needs no discord.js import. */
const EPHEMERAL_FLAG = 1 << 6;
const DEFAULT_COLOR = 0xd4213d; // Wuhan red

export interface ApiEmbed {
  title?: string;
  url?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  image?: { url: string };
}

export interface ApiComponent {
  type: number;
  [key: string]: unknown;
}

/** A file sent with the message; the bytes travel beside the JSON (multipart), matched by id. */
export interface ApiAttachment {
  id: number;
  filename: string;
  description?: string;
}

export interface MessageBody {
  content?: string;
  embeds: ApiEmbed[];
  components: ApiComponent[];
  /** Present when the reply has files: the bytes themselves are sent by the transport. */
  attachments?: ApiAttachment[];
  flags?: number;
  allowed_mentions: { parse: [] };
}

export function truncate(text: string, max: number): string {
  // Count code points so a cut never splits a surrogate pair (emoji, rare CJK).
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

const ATTACHMENT_URL = 'attachment://';

/** An embed image must be one of the message's own files, or a web address. */
function imageUrl(card: Card, files: ReadonlySet<string>): string | undefined {
  if (!card.image) return undefined;
  if (card.image.startsWith(ATTACHMENT_URL))
    return files.has(card.image.slice(ATTACHMENT_URL.length)) ? card.image : undefined;
  return /^https?:\/\//.test(card.image) ? card.image : undefined;
}

function toEmbed(card: Card, files: ReadonlySet<string>): ApiEmbed {
  const embed: ApiEmbed = { color: card.color ?? DEFAULT_COLOR };
  if (card.title) embed.title = truncate(card.title, LIMITS.embedTitle);
  if (card.url) embed.url = card.url;
  if (card.description) embed.description = truncate(card.description, LIMITS.embedDescription);
  if (card.fields?.length) {
    embed.fields = card.fields
      .filter((f) => f.name.trim() && f.value.trim())
      .slice(0, LIMITS.embedFields)
      .map((f) => ({
        name: truncate(f.name, LIMITS.fieldName),
        value: truncate(f.value, LIMITS.fieldValue),
        ...(f.inline ? { inline: true } : {}),
      }));
  }
  if (card.footer) embed.footer = { text: truncate(card.footer, LIMITS.footer) };
  const image = imageUrl(card, files);
  if (image) embed.image = { url: image };
  return embed;
}

function embedLength(e: ApiEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Drop trailing fields, then shorten the description, until all embeds fit in 6,000 characters. */
function fitEmbeds(embeds: ApiEmbed[]): ApiEmbed[] {
  let total = embeds.reduce((n, e) => n + embedLength(e), 0);
  for (let i = embeds.length - 1; i >= 0 && total > LIMITS.embedTotal; i--) {
    const e = embeds[i]!;
    while (e.fields?.length && total > LIMITS.embedTotal) {
      const f = e.fields.pop()!;
      total -= f.name.length + f.value.length;
    }
    if (total > LIMITS.embedTotal && e.description) {
      const keep = Math.max(0, e.description.length - (total - LIMITS.embedTotal) - 1);
      total -= e.description.length;
      e.description = truncate(e.description, keep);
      total += e.description.length;
    }
  }
  return embeds;
}

const BUTTON_STYLE = { primary: 1, secondary: 2, success: 3, danger: 4 } as const;
const LINK_STYLE = 5;

function assertCustomId(id: string): string {
  if (id.length > LIMITS.customId) throw new Error(`custom_id longer than ${LIMITS.customId}: ${id}`);
  return id;
}

function toComponent(action: Action): ApiComponent {
  switch (action.type) {
    case 'button':
      return {
        type: 2,
        style: BUTTON_STYLE[action.style ?? 'secondary'],
        label: truncate(action.label, LIMITS.buttonLabel),
        custom_id: assertCustomId(action.customId),
        ...(action.disabled ? { disabled: true } : {}),
        ...(action.emoji ? { emoji: { name: action.emoji } } : {}),
      };
    case 'link':
      return { type: 2, style: LINK_STYLE, label: truncate(action.label, LIMITS.buttonLabel), url: action.url };
    case 'select':
      return {
        type: 3,
        custom_id: assertCustomId(action.customId),
        placeholder: truncate(action.placeholder, LIMITS.selectPlaceholder),
        options: action.options.slice(0, LIMITS.selectOptions).map((o) => ({
          label: truncate(o.label, LIMITS.selectLabel),
          value: truncate(o.value, LIMITS.selectLabel),
          ...(o.description ? { description: truncate(o.description, LIMITS.selectLabel) } : {}),
        })),
      };
  }
}

function toRows(actions: Action[][]): ApiComponent[] {
  return actions
    .filter((row) => row.length > 0)
    .slice(0, LIMITS.actionRows)
    .map((row) => {
      // A select fills a row by itself; buttons go five to a row.
      const items = row[0]?.type === 'select' ? row.slice(0, 1) : row.slice(0, LIMITS.buttonsPerRow);
      return { type: 1, components: items.map(toComponent) };
    });
}

export function toMessageBody(reply: Reply): MessageBody {
  const files = (reply.files ?? []).slice(0, LIMITS.attachments);
  const names = new Set(files.map((f) => f.name));
  const body: MessageBody = {
    embeds: fitEmbeds((reply.cards ?? []).slice(0, LIMITS.embeds).map((card) => toEmbed(card, names))),
    components: toRows(reply.actions ?? []),
    allowed_mentions: { parse: [] },
  };
  if (reply.content) body.content = truncate(reply.content, LIMITS.content);
  if (files.length) {
    body.attachments = files.map((f, id) => ({
      id,
      filename: f.name,
      ...(f.description ? { description: truncate(f.description, LIMITS.attachmentDescription) } : {}),
    }));
  }
  if (reply.ephemeral) body.flags = EPHEMERAL_FLAG;
  return body;
}
