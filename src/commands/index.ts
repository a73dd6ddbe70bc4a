// Every slash command the bot serves, in the order /help lists them. Each lives in its own file.
import type { Command } from './types.js';
import { command as city } from './city.js';
import { command as count } from './count.js';
import { command as timeline } from './timeline.js';
import { command as map } from './map.js';
import { command as country } from './country.js';
import { command as cooperation } from './cooperation.js';
import { command as about } from './about.js';
import { helpCommand } from './help.js';
import { command as ask } from './ask.js';
import { command as askMessage } from './ask-message.js';
import { command as quiz } from './quiz.js';
import { command as leaderboard } from './leaderboard.js';

export const commands: Command[] = [
  city,
  count,
  timeline,
  map,
  country,
  cooperation,
  about,
  // Reads this very list when asked, so a command added later shows up too.
  helpCommand(() => commands),
  ask,
  askMessage,
  quiz,
  leaderboard,
];

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.definition.name === name);
}
