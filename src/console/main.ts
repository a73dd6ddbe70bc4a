// Entry of `npm run ask`: see ./cli.ts.
import { runCli } from './cli.js';

const code = await runCli(process.argv.slice(2), process);
// The answer is printed; leave even if something (a quiz round's timer) still holds the event loop.
process.stdout.write('', () => process.exit(code));
