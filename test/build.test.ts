// The production scripts run compiled JavaScript with plain node: nothing transpiles at run time, and
// what they need at run time is a production dependency.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './fake-discord/bot.js';

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('the build', () => {
  it.each(['start', 'start:http', 'deploy', 'ask'])('npm run %s runs dist/ with plain node', (script) => {
    const entry = /^exec node (?:--\S+ )*(dist\/\S+\.js)$/.exec(pkg.scripts[script] ?? '')?.[1];
    expect(entry, pkg.scripts[script]).toBeDefined();
    expect(existsSync(join(REPO_ROOT, entry!))).toBe(true);
  });

  it('installing builds dist/ (prepare), and the run-time loader is a dev tool only', () => {
    expect(pkg.scripts.prepare).toContain('scripts/build.js');
    expect(pkg.dependencies).not.toHaveProperty('tsx');
    expect(pkg.dependencies).not.toHaveProperty('typescript');
    expect(pkg.devDependencies).toHaveProperty('tsx');
  });

  it.each(['start:sharded', 'db:migrate-to-postgres'])('npm run %s runs dist/ with plain node too', (script) => {
    expect(pkg.scripts[script]).toMatch(/^exec node (?:--\S+ )*dist\/\S+\.js$/);
  });

  it('the compiled bot finds the files it reads beside its modules (the /ask gazetteer, the fonts)', () => {
    // A question naming a place that is not a partner reads the gazetteer; a map reads the fonts.
    const run = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'dist/console/main.js'), '/ask is nagoya a sister city of wuhan'],
      { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, DISCORD_TOKEN: '', DATABASE_PATH: '' } },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/not one of Wuhan’s partner cities/);
    expect(run.stdout).not.toContain('failed');
  });
});

describe('git', () => {
  it('ignores every .env file that may hold a token, but not .env.example', () => {
    const ignored = (path: string) =>
      spawnSync('git', ['check-ignore', '--no-index', '-q', path], { cwd: REPO_ROOT }).status === 0;
    for (const path of ['.env', '.env.local', '.env.production', '.env.prod.backup'])
      expect(ignored(path), path).toBe(true);
    expect(ignored('.env.example')).toBe(false);
  });
});
