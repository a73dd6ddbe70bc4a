// `npm run deploy`: register the slash commands with Discord. Run it after changing a command's
// definition; the bot itself never registers anything on start.
import { REST } from 'discord.js';
import { fail, readConfig } from '../app/startup.js';
import { commands } from '../commands/index.js';
import { redact } from '../log.js';
import { describeRegistration, registerCommands } from './register.js';

async function main(): Promise<number> {
  const config = readConfig();
  if (typeof config === 'number') return config;
  const token = config.token;
  if (!token) return fail('npm run deploy needs DISCORD_TOKEN: put it in .env (see .env.example).');
  try {
    const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {});
    const registration = await registerCommands(
      rest,
      commands.map((c) => c.definition),
      {
        token,
        ...(config.applicationId ? { applicationId: config.applicationId } : {}),
        ...(config.guildId ? { guildId: config.guildId } : {}),
      },
    );
    process.stdout.write(`${describeRegistration(registration)}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(`Deploy failed: ${redact(message, [token])}`);
  }
}

process.exitCode = await main();
