// `npm run deploy`: register the slash commands with Discord. Run it after changing a command's
// definition; the bot itself never registers anything on start.
import { REST } from 'discord.js';
import { commands } from '../commands/index.js';
import { ConfigError, loadConfig, loadDotenv, type Config } from '../config.js';
import { redact } from '../log.js';
import { describeRegistration, registerCommands } from './register.js';

async function main(): Promise<number> {
  loadDotenv();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error (check .env; see .env.example):\n${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const token = config.token;
  if (!token) {
    process.stderr.write('npm run deploy needs DISCORD_TOKEN: put it in .env (see .env.example).\n');
    return 1;
  }
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
    process.stderr.write(`Deploy failed: ${redact(message, [token])}\n`);
    return 1;
  }
}

process.exitCode = await main();
