// The ChannelPort a long-running command (the quiz) uses to post and edit its own messages in a
// channel, outside any interaction's 15-minute token. Same rendering as replies; never ephemeral,
// since only interaction responses can be.
import { Routes, type APIMessage, type REST } from 'discord.js';
import type { ChannelPort } from '../reply/reply.js';
import { toMessageBody } from '../render/discord.js';

export function createChannelPort(rest: REST): ChannelPort {
  return {
    async send(channelId, reply) {
      const body = toMessageBody({ ...reply, ephemeral: false });
      const message = (await rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
      return { channelId, messageId: message.id };
    },
    async edit(ref, reply) {
      const body = toMessageBody({ ...reply, ephemeral: false });
      // An edit replaces the message: send empty content explicitly so old text does not linger.
      await rest.patch(Routes.channelMessage(ref.channelId, ref.messageId), {
        body: { ...body, content: body.content ?? '' },
      });
    },
  };
}
