// What discord.js keeps in memory, in both transports. The bot answers interactions and reads
// everything it needs from their payloads; it never looks a message, member, user or emoji up in a
// cache. By default discord.js keeps every user and member it has seen (in HTTP mode ~270 bytes for
// each new user, without bound) and every emoji, sticker and voice state of every server.
// Kept: guilds, channels and roles (discord.js requires them), the bot's own user and member.
import { Options, type ClientOptions } from 'discord.js';

/** How often the sweepers run: often enough that a busy hour cannot pile up. */
const SWEEP_INTERVAL_SECONDS = 15 * 60;

const isSelf = (entry: { id: string; client: { user: { id: string } | null } }) => entry.id === entry.client.user?.id;

export function cacheOptions(): Pick<ClientOptions, 'makeCache' | 'sweepers'> {
  return {
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      ApplicationCommandManager: 0,
      AutoModerationRuleManager: 0,
      BaseGuildEmojiManager: 0,
      DMMessageManager: 0,
      EntitlementManager: 0,
      GuildBanManager: 0,
      GuildEmojiManager: 0,
      GuildForumThreadManager: 0,
      GuildInviteManager: 0,
      GuildMessageManager: 0,
      GuildScheduledEventManager: 0,
      GuildStickerManager: 0,
      GuildTextThreadManager: 0,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      StageInstanceManager: 0,
      ThreadManager: 0,
      ThreadMemberManager: 0,
      VoiceStateManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: isSelf },
      UserManager: { maxSize: 0, keepOverLimit: isSelf },
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      // Belt and braces for anything created before the client knew its own id.
      users: { interval: SWEEP_INTERVAL_SECONDS, filter: () => (user) => !isSelf(user) },
      guildMembers: { interval: SWEEP_INTERVAL_SECONDS, filter: () => (member) => !isSelf(member) },
    },
  };
}
