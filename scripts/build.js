// `npm run build` (and `prepare`, which npm runs on install): compile src/ to dist/ with tsc, then
// delete compiled files whose source is gone, so a renamed module cannot linger in dist/.
// Plain JavaScript, so it runs before anything is compiled. With `--if-compiler` (prepare), an
// install without devDependencies (`npm ci --omit=dev` over an already built tree, as in a container's
// second stage) keeps the dist/ it has instead of failing for want of TypeScript.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist');
const src = join(root, 'src');

let tsc;
try {
  // typescript's exports hide bin/; its package.json is exported and sits beside it.
  tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
} catch {
  if (process.argv.includes('--if-compiler')) {
    const state = existsSync(join(dist, 'index.js'))
      ? 'keeping the dist/ already built'
      : 'dist/ is missing: run npm ci (with devDependencies) and npm run build';
    process.stderr.write(`TypeScript is not installed (production install): ${state}.\n`);
    process.exit(0);
  }
  process.stderr.write('npm run build needs TypeScript: run npm ci first.\n');
  process.exit(1);
}

const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
  cwd: root,
});
if (result.status !== 0) process.exit(result.status ?? 1);

/** dist/a/b.js (and .js.map) without src/a/b.ts: left from an earlier build. */
function removeStale(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      removeStale(path);
      if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
      continue;
    }
    const source = /^(.*)\.js(\.map)?$/.exec(relative(dist, path));
    if (source && !existsSync(join(src, `${source[1]}.ts`))) rmSync(path);
  }
}
removeStale(dist);
