// `npm run db:migrate-to-postgres`: copies the SQLite quiz database (DATABASE_PATH) into PostgreSQL
// (DATABASE_URL), prints the counts and checks that every row arrived. Safe to run again.
import { type Config, loadConfig, loadDotenv } from './config.js';
import { copySqliteToPostgres } from './storage/copy-to-postgres.js';
import { describeDatabaseUrl } from './storage/postgres.js';

async function main(): Promise<number> {
  loadDotenv();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  if (!config.databaseUrl) {
    process.stderr.write(
      'npm run db:migrate-to-postgres needs DATABASE_URL (postgres://…) to copy into, and DATABASE_PATH to copy from.\n',
    );
    return 1;
  }
  const target = describeDatabaseUrl(config.databaseUrl);
  try {
    const counts = await copySqliteToPostgres(config.databasePath, config.databaseUrl);
    process.stdout.write(`Copied ${config.databasePath} into ${target}\n`);
    for (const c of counts) {
      process.stdout.write(
        `${c.table}: ${c.source} in SQLite, ${c.added} added, ${c.present} of ${c.source} now in PostgreSQL\n`,
      );
    }
    const missing = counts.filter((c) => c.present !== c.source);
    if (missing.length > 0) {
      process.stderr.write(
        `Check failed: ${missing.map((c) => `${c.source - c.present} ${c.table}`).join(', ')} missing in PostgreSQL\n`,
      );
      return 1;
    }
    return 0;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split(config.databaseUrl).join(target);
    process.stderr.write(`Could not copy ${config.databasePath} into ${target}: ${message}\n`);
    return 1;
  }
}

process.exitCode = await main();
