// The console's "channel": every message printed gets a number (#1, #2, ...) so its buttons can be
// pressed later, and an edit reprints the message under its number. It is also the ChannelPort
// through which a long-running command (a quiz) posts and edits its own messages in the console.
import type { ChannelPort, MessageRef, Reply } from '../reply/reply.js';
import { controlsOf } from '../render/text.js';

/** Messages older than this many are forgotten (their buttons can no longer be pressed). */
const KEEP = 200;

export interface TranscriptView {
  /** Prints a message's text; `edited` when it replaces what #number showed before. */
  show(number: number, reply: Reply, edited: boolean): void;
}

export class Transcript implements ChannelPort {
  private readonly messages = new Map<number, Reply>();
  private last = 0;

  constructor(private readonly view: TranscriptView) {}

  post(reply: Reply): number {
    const number = ++this.last;
    this.messages.set(number, reply);
    this.messages.delete(number - KEEP);
    this.view.show(number, reply, false);
    return number;
  }

  update(number: number, reply: Reply): void {
    if (!this.messages.has(number)) return;
    this.messages.set(number, reply);
    this.view.show(number, reply, true);
  }

  get(number: number): Reply | undefined {
    return this.messages.get(number);
  }

  /** The newest message with something to press: where "2" or "next" is aimed. */
  latestWithControls(): { number: number; reply: Reply } | undefined {
    for (let number = this.last; number > this.last - KEEP && number > 0; number--) {
      const reply = this.messages.get(number);
      if (reply && controlsOf(reply).some((c) => c.kind !== 'link')) return { number, reply };
    }
    return undefined;
  }

  async send(channelId: string, reply: Reply): Promise<MessageRef> {
    return { channelId, messageId: String(this.post(reply)) };
  }

  async edit(ref: MessageRef, reply: Reply): Promise<void> {
    this.update(Number(ref.messageId), reply);
  }
}
