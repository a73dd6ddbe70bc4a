// A button's or select's custom_id is "<command name>:<rest>". The name routes it (the Discord router and
// the console share routeComponent); the rest is the command's own format, which that command builds
// and parses side by side in its file.
import type { Command } from './types.js';

/** The custom_id of a component that `commandName`'s component() answers, given its own `rest`. */
export function componentId(commandName: string, rest: string): string {
  return `${commandName}:${rest}`;
}

export interface ComponentRoute {
  command: Command & Required<Pick<Command, 'component'>>;
  /** The custom_id after "<command name>:", as the command built it. */
  id: string;
}

/** The command a custom_id belongs to and the rest of the id; null when no command answers components by that name. */
export function routeComponent(
  customId: string,
  findCommand: (name: string) => Command | undefined,
): ComponentRoute | null {
  const separator = customId.indexOf(':');
  if (separator <= 0) return null;
  const command = findCommand(customId.slice(0, separator));
  if (!command?.component) return null;
  return { command: command as ComponentRoute['command'], id: customId.slice(separator + 1) };
}
