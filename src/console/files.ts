// --out DIR: a reply's files (the PNG maps and charts) written where the user asked. A name already
// written in this run gets "-2", "-3", ... so that a batch of /map commands keeps every image.
// The directory is checked (and made) once, before any command runs, so a bad --out is one line and
// exit 2 rather than a failure halfway through a batch.
import { accessSync, constants, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Locale } from '../i18n/index.js';
import type { ReplyFile } from '../reply/reply.js';
import { t } from './messages.js';

/** A file could not be written into --out DIR; the message is one line for the user. */
export class OutputError extends Error {
  override name = 'OutputError';
}

/**
 * Makes `dir` (and missing parents) and checks that files can be written into it; returns why not,
 * in one line, or null when it is usable. mkdirSync's own `recursive` is avoided: on Node 20 it
 * never returns for a path under /proc (mkdir there fails with ENOENT, and it retries forever).
 */
export function prepareOutDir(dir: string, locale: Locale): string | null {
  const missing: string[] = [];
  let path = resolve(dir);
  for (;;) {
    const kind = kindOf(path);
    if (kind === 'directory') break;
    if (kind === 'other') return t(locale, 'outNotDirectory', { dir, path });
    missing.unshift(path);
    const parent = dirname(path);
    if (parent === path) break;
    path = parent;
  }
  try {
    for (const folder of missing) mkdirSync(folder);
    accessSync(resolve(dir), constants.W_OK | constants.X_OK);
  } catch (error) {
    return t(locale, 'outUnusable', { dir, reason: reasonOf(error) });
  }
  return null;
}

function kindOf(path: string): 'directory' | 'other' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'other';
  } catch {
    return 'missing';
  }
}

/** "permission denied" rather than "EACCES: permission denied, mkdir '/x'": the path is said already. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /^[A-Z]+: ([^,]+)/.exec(message)?.[1] ?? message;
}

/** Writes `files` into `dir` and returns where each went, by the file's own name. Throws OutputError. */
export function saveFiles(
  dir: string,
  files: readonly ReplyFile[],
  taken: Set<string>,
  locale: Locale,
): Record<string, string> {
  const saved: Record<string, string> = {};
  for (const file of files) {
    const name = freeName(file.name, taken);
    const path = join(dir, name);
    try {
      writeFileSync(path, file.data);
    } catch (error) {
      throw new OutputError(t(locale, 'outWriteFailed', { path, reason: reasonOf(error) }));
    }
    taken.add(name);
    saved[file.name] = path;
  }
  return saved;
}

/** The name, or the first of name-2, name-3, ... not written yet in this run. */
function freeName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  let free = name;
  for (let n = 2; taken.has(free); n++) free = `${stem}-${n}${extension}`;
  return free;
}
