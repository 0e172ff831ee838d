// Views benchmark: builds a synthetic library of 100,000 photos (database rows, no files), then times every query
// the renderer's views make, through the same dispatch (validation + handlers) the hosts use, and prints p50/p95 per
// query. With Chromium available it also serves the library and counts the photo grid's DOM nodes at the top, in the
// middle and at the end of the grid: the count must not grow with the library.
//   npm run bench:views [-- --photos 100000 --runs 30 --no-browser]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { MethodArgs, MethodName } from '../core/contract';
import { forkLauncher } from '../core/jobs/launcher';
import { Supervisor } from '../core/jobs/supervisor';
import { dispatch } from '../core/services/dispatch';
import { createServices } from '../core/services';
import { countGridNodes } from './gridNodes';
import { synthesizeLibrary } from './synthLibrary';

interface Query {
  view: string;
  name: string;
  method: MethodName;
  args: (i: number) => unknown;
}

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The queries each view makes, with arguments that vary per run so no answer is cached. */
function viewQueries(photos: number, individuals: number): Query[] {
  const page = (i: number) => (i * 7919) % Math.max(1, photos - 120);
  const ind = (i: number) => 1 + ((i * 131) % individuals);
  const photo = (i: number) => 1 + ((i * 104_729) % photos);
  const q = <M extends MethodName>(
    view: string,
    name: string,
    method: M,
    args: (i: number) => MethodArgs<M>,
  ): Query => ({ view, name, method, args });
  return [
    q('Dashboard', 'library.stats', 'library.stats', () => ({})),
    q('Dashboard', 'library.activity', 'library.activity', () => ({})),
    q('Dashboard', 'import.current', 'import.current', () => ({})),
    q('Import', 'import.history', 'import.history', () => ({ offset: 0, limit: 50 })),
    q('Photos', 'first page, newest', 'photos.query', () => ({ filter: {}, sort: '-takenAt', offset: 0, limit: 120 })),
    q('Photos', 'deep page (scrolled)', 'photos.query', (i) => ({
      filter: {},
      sort: '-takenAt',
      offset: page(i),
      limit: 120,
    })),
    q('Photos', 'camera filter', 'photos.query', (i) => ({
      filter: { cameraIds: [1 + (i % 12)] },
      sort: '-takenAt',
      offset: 0,
      limit: 120,
    })),
    q('Photos', 'date range', 'photos.query', (i) => ({
      filter: { from: `2023-0${1 + (i % 9)}-01`, to: `2023-0${1 + (i % 9)}-20` },
      sort: 'takenAt',
      offset: 0,
      limit: 120,
    })),
    q('Photos', 'animals only', 'photos.query', () => ({
      filter: { category: 'animal' },
      sort: '-takenAt',
      offset: 0,
      limit: 120,
    })),
    q('Photos', 'empty only', 'photos.query', () => ({
      filter: { empty: true },
      sort: '-takenAt',
      offset: 0,
      limit: 120,
    })),
    q('Photos', 'one individual', 'photos.query', (i) => ({
      filter: { individualId: ind(i) },
      sort: '-takenAt',
      offset: 0,
      limit: 120,
    })),
    q('Photos', 'unreviewed suggestions', 'photos.query', () => ({
      filter: { unreviewedSuggestions: true },
      sort: '-takenAt',
      offset: 0,
      limit: 120,
    })),
    q('Photos', 'most detections', 'photos.query', () => ({ filter: {}, sort: '-detections', offset: 0, limit: 120 })),
    q('Photos', 'group by visit', 'sequences.query', (i) => ({ offset: page(i) % 10_000, limit: 120 })),
    q('Photos', 'cameras.list', 'cameras.list', () => ({})),
    q('Viewer', 'photos.get', 'photos.get', (i) => ({ id: photo(i) })),
    q('Viewer', 'neighbours (prev/next)', 'photos.query', (i) => ({
      filter: {},
      sort: '-takenAt',
      offset: page(i),
      limit: 3,
    })),
    q('Deer', 'most sightings', 'individuals.query', () => ({ sort: '-detections', offset: 0, limit: 60 })),
    q('Deer', 'recently seen', 'individuals.query', () => ({ sort: '-lastSeen', offset: 0, limit: 60 })),
    q('Deer', 'search by name', 'individuals.query', (i) => ({
      search: `Deer ${1 + (i % 90)}`,
      sort: '-detections',
      offset: 0,
      limit: 60,
    })),
    q('Deer', 'provisional', 'individuals.query', () => ({
      confirmed: false,
      sort: '-detections',
      offset: 0,
      limit: 60,
    })),
    q('Deer profile', 'individuals.get', 'individuals.get', (i) => ({ id: ind(i) })),
    q('Deer profile', 'individuals.crops', 'individuals.crops', (i) => ({ id: ind(i), offset: 0, limit: 120 })),
    q('Review', 'pending suggestions', 'suggestions.query', () => ({ state: 'pending', offset: 0, limit: 50 })),
  ];
}

async function main(): Promise<void> {
  const photos = arg('photos', 100_000);
  const runs = arg('runs', 30);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumper-bench-views-'));
  try {
    const t0 = performance.now();
    const { library, summary } = synthesizeLibrary(dir, { photos });
    console.log(
      `synthetic library: ${summary.photos.toLocaleString()} photos, ${summary.sequences.toLocaleString()} visits, ` +
        `${summary.detections.toLocaleString()} detections, ${summary.individuals.toLocaleString()} individuals, ` +
        `${summary.suggestions.toLocaleString()} suggestions, ${summary.cameras} cameras (built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    const supervisor = new Supervisor({ launcher: forkLauncher(), library });
    const services = createServices({ library, supervisor, host: { kind: 'serve', dropPaths: false } });
    const rows: string[][] = [];
    let worst = 0;
    for (const query of viewQueries(summary.photos, summary.individuals)) {
      const times: number[] = [];
      for (let i = 0; i < runs + 2; i++) {
        const start = performance.now();
        const reply = await dispatch(services.handlers, query.method, query.args(i));
        const ms = performance.now() - start;
        if (!reply.ok) throw new Error(`${query.method} failed: ${reply.error.message}`);
        if (i >= 2) times.push(ms); // the first two warm the statement cache
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      worst = Math.max(worst, p95);
      rows.push([
        query.view,
        query.name,
        query.method,
        percentile(times, 50).toFixed(1),
        p95.toFixed(1),
        p95 < 100 ? 'ok' : 'SLOW',
      ]);
    }
    services.dispose();
    const widths = rows[0]!.map((_, c) =>
      Math.max(...[['view', 'query', 'method', 'p50 ms', 'p95 ms', ''], ...rows].map((r) => r[c]!.length)),
    );
    const line = (r: string[]) =>
      r.map((cell, c) => (c >= 3 && c <= 4 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
    console.log(`\nAPI latency over ${runs} runs each (target p95 < 100 ms):`);
    console.log(line(['view', 'query', 'method', 'p50 ms', 'p95 ms', '']));
    for (const r of rows) console.log(line(r));
    console.log(`worst p95: ${worst.toFixed(1)} ms`);
    library.close();

    if (!process.argv.includes('--no-browser')) {
      const nodes = await countGridNodes(dir);
      if (nodes) {
        console.log(
          `\nPhotos grid DOM (whole document, 1440x900 window): ${nodes.map((n) => `${n.where}: ${n.nodes} nodes, ${n.cells} cells`).join('; ')}`,
        );
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
