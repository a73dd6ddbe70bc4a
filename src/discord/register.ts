// Registering the commands with Discord: one PUT that replaces the whole set, to one server
// (DISCORD_GUILD_ID: instant, for development) or globally. Used by `npm run deploy`, never on start.
import {
  ApplicationCommandType,
  Routes,
  type REST,
  type RESTGetCurrentApplicationResult,
  type RESTPutAPIApplicationCommandsResult,
} from 'discord.js';
import type { CommandDefinition } from '../commands/types.js';
import { toApplicationCommands, validateDefinitions } from './definitions.js';

export class DefinitionError extends Error {
  override readonly name = 'DefinitionError';
  constructor(readonly problems: readonly string[]) {
    super(`Discord would reject these command definitions:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** A bot token's first part is the bot's user ID in base64, which is its application ID. */
export function applicationIdFromToken(token: string): string | undefined {
  const first = token.split('.')[0] ?? '';
  const decoded = Buffer.from(first, 'base64').toString('utf8');
  return /^\d{17,20}$/.test(decoded) ? decoded : undefined;
}

export interface RegisterOptions {
  token: string;
  applicationId?: string;
  guildId?: string;
}

export interface Registration {
  applicationId: string;
  guildId?: string;
  /** What Discord now holds, as it answered the PUT. */
  commands: RESTPutAPIApplicationCommandsResult;
}

export async function registerCommands(
  rest: REST,
  definitions: readonly CommandDefinition[],
  options: RegisterOptions,
): Promise<Registration> {
  const problems = validateDefinitions(definitions);
  if (problems.length > 0) throw new DefinitionError(problems);
  rest.setToken(options.token);
  const applicationId =
    options.applicationId ??
    applicationIdFromToken(options.token) ??
    ((await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult).id;
  const route = options.guildId
    ? Routes.applicationGuildCommands(applicationId, options.guildId)
    : Routes.applicationCommands(applicationId);
  const commands = (await rest.put(route, {
    body: toApplicationCommands(definitions),
  })) as RESTPutAPIApplicationCommandsResult;
  return { applicationId, ...(options.guildId ? { guildId: options.guildId } : {}), commands };
}

/** One line for the terminal: where, for which application, and each command's name. */
export function describeRegistration(registration: Registration): string {
  const names = registration.commands.map((c) =>
    c.type === ApplicationCommandType.Message ? `"${c.name}" (message menu)` : `/${c.name}`,
  );
  const where = registration.guildId ? `in server ${registration.guildId}` : 'globally';
  return `Registered ${names.length} command${names.length === 1 ? '' : 's'} ${where} for application ${registration.applicationId}: ${names.join(', ')}`;
}
