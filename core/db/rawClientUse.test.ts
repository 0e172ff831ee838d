// Code outside core/db reads and writes through drizzle over the schema (typed columns and rows) or a core/db
// repository; the raw better-sqlite3 handle (`db.$client`) is allowed there only on a named hot path, with a
// `// Hot path:` comment just above that says why. This scan fails on any other use.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const FOLDERS = ['core', 'worker', 'cli', 'server', 'electron'];
const MARK = '// Hot path:';
/** How far above a use its comment may sit (a multi-line statement's first line carries the comment). */
const REACH = 3;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** `file:line` of each `$client` use with no hot-path comment within REACH lines above it. */
export function unmarkedUses(rel: string, text: string): string[] {
  const lines = text.split('\n');
  return lines.flatMap((line, i) =>
    line.includes('$client') && !lines.slice(Math.max(0, i - REACH), i + 1).some((l) => l.includes(MARK))
      ? [`${rel}:${i + 1}`]
      : [],
  );
}

it('keeps the raw database handle to core/db and named hot paths', () => {
  const offenders = FOLDERS.flatMap((f) => sources(path.join(ROOT, f)))
    .map((file) => path.relative(ROOT, file).split(path.sep).join('/'))
    .filter((rel) => !rel.startsWith('core/db/'))
    .flatMap((rel) => unmarkedUses(rel, fs.readFileSync(path.join(ROOT, rel), 'utf8')));
  expect(offenders).toEqual([]);
});

it('tells a marked use from an unmarked one', () => {
  expect(unmarkedUses('a.ts', 'const rows = db.$client.prepare(sql).all();')).toEqual(['a.ts:1']);
  expect(
    unmarkedUses('a.ts', `${MARK} one statement per box, prepared once\nconst s = db.$client.prepare(sql);`),
  ).toEqual([]);
  expect(unmarkedUses('a.ts', `${MARK} x\n\n\n\n\nconst s = db.$client;`)).toEqual(['a.ts:6']);
});
