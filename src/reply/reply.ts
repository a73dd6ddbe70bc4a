// The reply model: what a command answers, before any front end draws it.
// src/render/discord.ts turns it into a Discord message body; src/render/text.ts into console text.
// Keep it plain data (JSON-serialisable) so tests can compare it and the console can print it.

export interface CardField {
  name: string;
  value: string;
  inline?: boolean;
}

/** One block of information: an embed in Discord, a titled section in the console. */
export interface Card {
  title?: string;
  url?: string;
  description?: string;
  fields?: CardField[];
  footer?: string;
  /** 0xRRGGBB */
  color?: number;
  /** An image shown large in the card: "attachment://map.png" names one of the reply's files. */
  image?: string;
}

export interface ButtonAction {
  type: 'button';
  /** Routed by src/discord/router.ts: "<command>:<rest>", at most 100 characters. */
  customId: string;
  label: string;
  style?: 'primary' | 'secondary' | 'success' | 'danger';
  disabled?: boolean;
  emoji?: string;
}

export interface LinkAction {
  type: 'link';
  url: string;
  label: string;
}

export interface SelectAction {
  type: 'select';
  customId: string;
  placeholder: string;
  /** At most 25. */
  options: { label: string; value: string; description?: string }[];
}

export type Action = ButtonAction | LinkAction | SelectAction;

export interface Reply {
  /** Plain text above the cards (markdown as Discord reads it). */
  content?: string;
  cards?: Card[];
  /** Rows of actions; a row holds up to five buttons or one select. At most five rows. */
  actions?: Action[][];
  /** Only the asking user sees it. */
  ephemeral?: boolean;
  /** Files sent with the message (PNG images a card shows through `image`). At most 10. */
  files?: ReplyFile[];
}

export interface ReplyFile {
  /** "map.png": letters, digits, dots, dashes and underscores only, as attachment:// URLs need. */
  name: string;
  data: Uint8Array;
  /** Alt text for screen readers. */
  description?: string;
}

/** The result of a component (button/select) interaction. */
export type ComponentResult =
  | { kind: 'update'; reply: Reply } // edit the message the component is on
  | { kind: 'reply'; reply: Reply } // a new message (usually ephemeral)
  | { kind: 'none' }; // acknowledged, nothing to show

/** A message a front end posted on its own (not as an interaction reply), e.g. a quiz question. */
export interface MessageRef {
  channelId: string;
  messageId: string;
}

/** Where a long-running command (a quiz) posts and edits its own messages; each front end has one. */
export interface ChannelPort {
  send(channelId: string, reply: Reply): Promise<MessageRef>;
  edit(ref: MessageRef, reply: Reply): Promise<void>;
}
