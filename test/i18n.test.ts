// Every message catalog, checked at run time: the compiler already makes each key exist in both
// languages, but not that a text is filled in, nor that both sides use the same {placeholders}
// (a zh-CN text missing {count} would silently drop the number).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { registry } from '../src/i18n/index.js';

const SRC = fileURLToPath(new URL('../src', import.meta.url));
const catalogFiles = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
  (file) => file.endsWith('.ts') && readFileSync(join(SRC, file), 'utf8').includes('defineMessages('),
);
await Promise.all(catalogFiles.map((file) => import(join(SRC, file))));

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();
}

it('finds the catalogs', () => {
  expect(registry.size).toBeGreaterThan(10);
});

describe.each([...registry])('the %s catalog', (_area, catalog) => {
  it('has every text in both languages, with the same placeholders', () => {
    for (const [key, en] of Object.entries(catalog.en)) {
      const zh = catalog['zh-CN'][key] ?? '';
      expect(en.trim(), key).not.toBe('');
      expect(zh.trim(), key).not.toBe('');
      expect(placeholders(zh), key).toEqual(placeholders(en));
    }
  });
});
