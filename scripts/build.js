// `npm run build` (and `prepare`, which npm runs on install): type-check src/ with tsc, then bundle
// each production entry point with esbuild into one file in dist/ (dist/index.js, dist/http.js, …),
// the paths the npm scripts run. One file instead of ~600 modules: node resolves, reads and compiles
// far less before the bot is ready (measured: start → ready and RSS once ready, README "Memory").
// Native and optional packages stay in node_modules, loaded at run time (see EXTERNAL).
// Plain JavaScript, so it runs before anything is compiled. With `--if-compiler` (prepare), an
// install without devDependencies (`npm ci --omit=dev` over an already built tree, as in a container's
// second stage) keeps the dist/ it has instead of failing for want of the build tools.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist');
const src = join(root, 'src');

/** The npm scripts' entry points, as src/ paths without extension; each becomes dist/<path>.js. */
const ENTRIES = ['index', 'http', 'sharded', 'migrate-to-postgres', 'discord/deploy', 'console/main'];

/**
 * Loaded from node_modules at run time: native code and optional packages. Not pg or prom-client: an
 * external package that a lazily imported module imports becomes a static import at the top of the
 * bundle, loaded at every start; bundled, they run only when DATABASE_URL or METRICS_PORT asks.
 */
const EXTERNAL = [
  'better-sqlite3',
  '@resvg/resvg-js',
  // Loaded by require() when needed: at a terminal (pino-pretty), by pg's native or Cloudflare modes.
  'pino-pretty',
  'pg-native',
  'pg-cloudflare',
  // Optional accelerators discord.js and ws look for, absent unless someone installs them.
  'zlib-sync',
  'bufferutil',
  'utf-8-validate',
  '@discordjs/voice',
];

const require = createRequire(import.meta.url);
let tsc;
let esbuild;
try {
  // typescript's exports hide bin/; its package.json is exported and sits beside it.
  tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
  esbuild = await import('esbuild');
} catch {
  if (process.argv.includes('--if-compiler')) {
    const state = existsSync(join(dist, 'index.js'))
      ? 'keeping the dist/ already built'
      : 'dist/ is missing: run npm ci (with devDependencies) and npm run build';
    process.stderr.write(`The build tools (TypeScript, esbuild) are not installed (production install): ${state}.\n`);
    process.exit(0);
  }
  process.stderr.write('npm run build needs TypeScript and esbuild: run npm ci first.\n');
  process.exit(1);
}

// Type errors stop the build, as they did when tsc emitted dist/ itself (esbuild only strips types).
const checked = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
  cwd: root,
});
if (checked.status !== 0) process.exit(checked.status ?? 1);

/**
 * A module that finds files beside itself (`new URL('../../data/', import.meta.url)`, fonts, the
 * gazetteer, package.json) must find them from the bundle too: its `import.meta.url` becomes the URL
 * it would have as dist/<its path>.js, relative to the bundle it lands in, so the paths stay right
 * wherever the checkout or container puts dist/.
 */
function moduleUrls(outfile) {
  return {
    name: 'module-urls',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        let contents = readFileSync(args.path, 'utf8');
        if (contents.includes('import.meta.url') && args.path.startsWith(src + sep)) {
          const asIfCompiled = join(dist, relative(src, args.path)).replace(/\.ts$/, '.js');
          const fromBundle = relative(dirname(outfile), asIfCompiled).split(sep).join('/');
          const url = `new URL(${JSON.stringify(fromBundle.startsWith('.') ? fromBundle : `./${fromBundle}`)}, import.meta.url).href`;
          contents = contents.replaceAll('import.meta.url', url);
        }
        return { contents, loader: 'ts' };
      });
    },
  };
}

// A clean dist/ (keeping tsc's incremental state): no module of an earlier build can linger there.
mkdirSync(dist, { recursive: true });
for (const name of readdirSync(dist)) if (name !== '.tsbuildinfo') rmSync(join(dist, name), { recursive: true });

/**
 * Every character outside ASCII as a \u escape. esbuild escapes them in strings but leaves them in
 * regular expressions (`/市$/u`), and one such character makes V8 hold the whole bundle's source as
 * two-byte text: 3.7 MB of heap instead of 1.9. A \uXXXX escape (a surrogate pair beyond the BMP)
 * means the same character in a string, a template and a regular expression, with or without /u.
 */
function asciiOnly(code) {
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

await Promise.all(
  ENTRIES.map(async (entry) => {
    const outfile = join(dist, `${entry}.js`);
    const { outputFiles } = await esbuild.build({
      entryPoints: [join(src, `${entry}.ts`)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: EXTERNAL,
      // Bundled CommonJS packages call require() for node's own modules.
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
      minify: true,
      // Class and function names stay what they were: error names in logs, discord.js's own checks.
      keepNames: true,
      legalComments: 'none',
      logLevel: 'warning',
      plugins: [moduleUrls(outfile)],
      write: false,
    });
    for (const file of outputFiles) {
      mkdirSync(dirname(file.path), { recursive: true });
      writeFileSync(file.path, asciiOnly(file.text));
    }
  }),
);
