// Before any test: compile src/ to dist/, because the tests that run the bot as a person does
// (`npm start`, `npm run start:http`, `npm run ask`) run the compiled JavaScript, as production does.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function build(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const result = spawnSync(process.execPath, ['scripts/build.js'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}${result.stderr}`);
}
