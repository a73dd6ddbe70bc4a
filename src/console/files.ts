// --out DIR: a reply's files (the PNG maps and charts) written where the user asked. A name already
// written in this run gets "-2", "-3", ... so that a batch of /map commands keeps every image.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReplyFile } from '../views/reply.js';

/** Writes `files` into `dir` and returns where each went, by the file's own name. */
export function saveFiles(dir: string, files: readonly ReplyFile[], taken: Set<string>): Record<string, string> {
  const saved: Record<string, string> = {};
  for (const file of files) {
    const dot = file.name.lastIndexOf('.');
    const [stem, extension] = dot > 0 ? [file.name.slice(0, dot), file.name.slice(dot)] : [file.name, ''];
    let name = file.name;
    for (let n = 2; taken.has(name); n++) name = `${stem}-${n}${extension}`;
    taken.add(name);
    const path = join(dir, name);
    writeFileSync(path, file.data);
    saved[file.name] = path;
  }
  return saved;
}
