#!/usr/bin/env node
// Blind /ask scorer. Usage:
//   node score.mjs <worktree> <fixture.json> [--out replies.json] [--md report.md] [--quiet]
// Runs the worktree's offline console in batch mode (one process per locale), one `/ask <q>` per line,
// and checks each reply mechanically against the fixture's must / mustNot / unknown / expectCity.
//
// Matching rules (formatting only, never facts): case-insensitive, diacritics folded, whitespace removed,
// thousands separators removed ("4,350,000" = "4350000"), markdown emphasis removed. A must token may
// list alternatives separated by "|" (e.g. "大分|Ōita"). The "Sources"/"来源" field and the footer are
// not part of the answer: a source title that happens to contain a token does not count.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const outPath = opt('--out');
const mdPath = opt('--md');
const quiet = args.includes('--quiet');
const [worktree, fixturePath] = args.filter((a) => a !== '--quiet');
if (!worktree || !fixturePath) {
  console.error('usage: node score.mjs <worktree> <fixture.json> [--out replies.json] [--md report.md] [--quiet]');
  process.exit(2);
}
const fixture = JSON.parse(readFileSync(fixturePath, 'utf8'));

function runBatch(questions, locale) {
  if (questions.length === 0) return [];
  const input = questions.map((q) => `/ask ${q.replace(/[\r\n]+/g, ' ')}`).join('\n') + '\n';
  const argv = ['run', '--silent', 'ask', '--', '--json'];
  if (locale) argv.push('--locale', locale);
  const r = spawnSync('npm', argv, {
    cwd: worktree,
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: 'error' },
  });
  const lines = r.stdout.split('\n').filter((l) => l.trim().startsWith('{'));
  if (lines.length !== questions.length) {
    console.error(
      `warning: ${locale ?? 'en'} batch returned ${lines.length} lines for ${questions.length} questions; falling back to one process each`,
    );
    return questions.map((q) => runBatchOne(q, locale));
  }
  return lines.map((l) => JSON.parse(l));
}
function runBatchOne(q, locale) {
  const argv = ['run', '--silent', 'ask', '--', '--json'];
  if (locale) argv.push('--locale', locale);
  argv.push(`/ask ${q}`);
  const r = spawnSync('npm', argv, { cwd: worktree, encoding: 'utf8', env: { ...process.env, DISCORD_TOKEN: '' } });
  const line = r.stdout.split('\n').find((l) => l.trim().startsWith('{'));
  return line ? JSON.parse(line) : { error: { message: r.stderr.trim() || 'no output' } };
}

// The visible answer: content, embed titles, descriptions and fields except the sources list.
const SOURCE_FIELD = /^(sources?|来源|資料來源|source)$/i;
function answerText(body) {
  if (!body || body.error) return `[error] ${body?.error?.message ?? ''}`;
  const parts = [];
  if (body.content) parts.push(body.content);
  for (const e of body.embeds ?? []) {
    if (e.title) parts.push(e.title);
    if (e.description) parts.push(e.description);
    for (const f of e.fields ?? []) {
      if (SOURCE_FIELD.test(String(f.name).trim())) continue;
      parts.push(`${f.name}: ${f.value}`);
    }
  }
  for (const row of body.components ?? [])
    for (const c of row.components ?? []) {
      if (c.label) parts.push(`[${c.label}]`);
      for (const o of c.options ?? []) parts.push(`(${o.label})`);
    }
  return parts
    .join('\n')
    .replace(/\]\((https?:[^)]+)\)/g, ']')
    .replace(/\*\*|__/g, '');
}
const fold = (s) =>
  String(s)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/(\d)[,\u202f\u00a0 ](?=\d{3}\b)/g, '$1')
    .replace(/\s+/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"');
const has = (text, token) => token.split('|').some((alt) => fold(text).includes(fold(alt)));

const IDK = [
  /don[’']?t know/i,
  /do not know/i,
  /not recorded/i,
  /no (source|record|date)/i,
  /not (found|given|stated|known)/i,
  /isn[’']?t (one of|on|in|a )/i,
  /is not (one of|on|in|a )/i,
  /not one of/i,
  /could ?n[o’']t find/i,
  /cannot (say|tell|find)/i,
  /does ?n[o’']t (say|record|give|state|name)/i,
  /unknown/i,
  /not in my data/i,
  /no .{0,30}was found/i,
  /not confirmed/i,
  /record(s)? nothing/i,
  /nothing (on|about)/i,
  /不知道/,
  /未(找到|记录|記錄|注明|说明|說明|查到|确认|確認|列出)/,
  /没有(记录|找到|来源|資料|资料|查到)/,
  /不是武汉/,
  /不在/,
  /无法/,
  /不详/,
  /并非/,
  /尚未/,
  /没有.{0,30}(记载|记录)/,
];
const saysIdk = (text) => IDK.some((re) => re.test(text));

function cityNames(id) {
  const f = path.join(worktree, 'data', 'cities', `${id}.json`);
  if (!existsSync(f)) return [id];
  const d = JSON.parse(readFileSync(f, 'utf8'));
  const n = d.names ?? {};
  return [
    n.en,
    n.native,
    n.nativeLatin,
    n.zh,
    n.zh?.replace(/市$/, ''),
    ...((d.aliases ?? []).slice?.(0, 0) ?? []),
  ].filter(Boolean);
}

function judge(item, body) {
  const text = answerText(body);
  const missing = item.must.filter((t) => !has(text, t));
  const forbidden = (item.mustNot ?? []).filter((t) => has(text, t));
  const idk = saysIdk(text);
  let cityOk = true;
  if (item.expectCity) cityOk = cityNames(item.expectCity).some((n) => has(text, n));
  let verdict;
  if (body?.error) verdict = 'error';
  else if (forbidden.length) verdict = 'mustNot-present';
  else if (item.unknown && !idk) verdict = 'answered-unknown';
  else if (missing.length && idk && !item.unknown) verdict = 'idk-while-known';
  else if (missing.length) verdict = 'must-missing';
  else if (!cityOk) verdict = 'city-missing';
  else verdict = 'pass';
  return { verdict, missing, forbidden, idk, cityOk, text };
}

const en = [],
  zh = [];
fixture.forEach((it, i) => (it.lang === 'zh' ? zh : en).push(i));
const replies = new Array(fixture.length);
runBatch(
  en.map((i) => fixture[i].q),
  undefined,
).forEach((b, k) => (replies[en[k]] = b));
runBatch(
  zh.map((i) => fixture[i].q),
  'zh-CN',
).forEach((b, k) => (replies[zh[k]] = b));

const results = fixture.map((it, i) => ({ i: i + 1, ...it, ...judge(it, replies[i]) }));
const totals = {};
for (const r of results) totals[r.verdict] = (totals[r.verdict] ?? 0) + 1;
if (!quiet)
  for (const r of results) {
    const extra = [
      r.missing.length ? `missing ${JSON.stringify(r.missing)}` : '',
      r.forbidden.length ? `forbidden ${JSON.stringify(r.forbidden)}` : '',
      r.verdict === 'city-missing' ? `expected ${r.expectCity}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    console.log(`${String(r.i).padStart(3)} ${r.lang} ${r.verdict.padEnd(16)} ${r.q}${extra ? '  -- ' + extra : ''}`);
  }
const pass = totals.pass ?? 0;
const summary = (sel) => {
  const s = results.filter(sel);
  return `${s.filter((r) => r.verdict === 'pass').length}/${s.length}`;
};
console.log(
  `\nTOTAL pass ${pass}/${results.length} (${((100 * pass) / results.length).toFixed(1)}%)  en ${summary((r) => r.lang === 'en')}  zh ${summary((r) => r.lang === 'zh')}  unknown-questions ${summary((r) => r.unknown)}`,
);
console.log('by verdict:', JSON.stringify(totals));
if (outPath)
  writeFileSync(
    outPath,
    JSON.stringify(
      results.map(({ text, ...r }) => ({ ...r, reply: text })),
      null,
      1,
    ),
  );
if (mdPath) {
  const esc = (s) => String(s).replace(/\|/g, '\\|').replace(/\n+/g, ' ⏎ ');
  const rows = results.map(
    (r) =>
      `| ${r.i} | ${r.lang} | ${esc(r.q)} | ${esc(r.text.slice(0, 300))} | ${r.verdict}${r.missing.length ? ' (missing ' + esc(r.missing.join(', ')) + ')' : ''} |`,
  );
  writeFileSync(
    mdPath,
    `| # | lang | question | reply (excerpt) | mechanical |\n|---|---|---|---|---|\n${rows.join('\n')}\n`,
  );
}
