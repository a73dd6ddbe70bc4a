// --out DIR: the one-shot and batch modes write a reply's images there and name the files.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/console/cli.js';
import { decodePng } from '../images/png.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString('utf8');
}

async function cli(argv: string[], stdinLines?: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const stdin = Readable.from(stdinLines === undefined ? [] : [stdinLines]);
  const code = await runCli(argv, { stdin, stdout, stderr, env: { DATABASE_PATH: ':memory:' } });
  return { code, stdout: out(), stderr: err() };
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'youcheng-out-'));
  dirs.push(dir);
  return join(dir, 'images');
}

describe('--out', () => {
  it('writes the map and prints where it went', async () => {
    const dir = tempDir();
    const run = await cli(['--out', dir, '/map continent:oceania']);
    expect(run.code).toBe(0);
    const path = join(dir, 'map.png');
    expect(run.stdout).toContain(`[image map.png: saved as ${path}]`);
    expect(decodePng(new Uint8Array(readFileSync(path))).width).toBe(1200);
  });

  it('keeps every image of a batch, numbering repeated names', async () => {
    const dir = tempDir();
    const run = await cli(['--out', dir], '/map\n/map color:decade\n/city Sydney\n');
    expect(run.code).toBe(0);
    for (const name of ['map.png', 'map-2.png', 'map-sydney.png']) expect(existsSync(join(dir, name)), name).toBe(true);
    expect(run.stdout).toContain(`saved as ${join(dir, 'map-2.png')}`);
  });

  it('lists attachments by file name in --json, and the written paths on stderr', async () => {
    const dir = tempDir();
    const run = await cli(['--json', '--out', dir, '/timeline']);
    expect(JSON.parse(run.stdout).attachments).toEqual([expect.objectContaining({ id: 0, filename: 'timeline.png' })]);
    expect(run.stderr.trim()).toBe(join(dir, 'timeline.png'));
  });

  it('without it, says an image was made and how to save it', async () => {
    const run = await cli(['/city Bangkok']);
    expect(run.stdout).toContain('[image map-bangkok.png: add --out DIR to save it]');
  });

  it('refuses a --out that cannot be a folder in one line, exit 2, before running anything', async () => {
    const file = join(tempDir(), '..', 'a-file');
    writeFileSync(file, 'x');
    for (const [dir, reason] of [
      [file, `--out ${file}: ${file} exists and is not a directory.`],
      [join(file, 'below'), `--out ${join(file, 'below')}: ${file} exists and is not a directory.`],
      // mkdir under /proc fails with ENOENT, on which Node's recursive mkdir retries forever.
      ['/proc/youcheng-nope', '--out /proc/youcheng-nope: cannot write there (no such file or directory).'],
    ] as const) {
      const run = await cli(['--out', dir, '/help']);
      expect(run.code, dir).toBe(2);
      expect(run.stderr).toBe(`${reason}\n`);
      expect(run.stdout).toBe('');
    }
  });

  it('makes missing parent folders', async () => {
    const dir = join(tempDir(), 'a', 'b');
    expect((await cli(['--out', dir, '/map'])).code).toBe(0);
    expect(existsSync(join(dir, 'map.png'))).toBe(true);
  });

  it('reports an image it cannot write in one line, exit 1', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'map.png'), { recursive: true });
    const run = await cli(['--out', dir, '/map']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`Could not save ${join(dir, 'map.png')}: illegal operation on a directory.\n`);
  });
});
