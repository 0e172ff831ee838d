import fs from 'node:fs';
import { addModel, DETECTOR_FAMILIES, EMBEDDER_FAMILIES, type Family } from '../../core/models/add';
import { loadCatalog } from '../../core/models/catalog';
import type { DownloadProgress } from '../../core/models/download';
import { fetchModel, listModels } from '../../core/models/fetch';
import { inspectInWorker } from '../../core/models/inspection';
import { forkLauncher } from '../../core/jobs/launcher';
import { runWorkerTask } from '../../core/jobs/workerTask';
import { resolveModelsFolder } from '../../core/models/folder';
import { describeMissing, libraryModelsStatus } from '../../core/models/libraryModels';
import { useModel } from '../../core/models/useModel';
import { getSettings } from '../../core/library/settings';
import { table } from '../humanText';
import {
  jsonOption,
  libraryOption,
  printJson,
  UsageError,
  waitOption,
  withLibrary,
  type Command,
  type ParsedArgs,
} from '../command';
import { describeJob, jobJson, runSupervisedJob } from '../supervisedJob';

const FAMILIES: readonly Family[] = [...DETECTOR_FAMILIES, ...EMBEDDER_FAMILIES];
const mb = (n: number) => (n / 1e6).toFixed(1);
const indent = (text: string) => text.replace(/^/gm, '  ');

/** "a,b,c", or a file with one name per line or a JSON array. */
function readLabels(value: string): string[] {
  if (!fs.existsSync(value))
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const text = fs.readFileSync(value, 'utf8');
  return text.trimStart().startsWith('[')
    ? (JSON.parse(text) as string[])
    : text
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean);
}

function downloadPrinter(id: string, stream = process.stderr): (p: DownloadProgress) => void {
  let last = 0;
  return (p) => {
    const done = p.total !== null && p.received >= p.total;
    if (!stream.isTTY && !done && Date.now() - last < 2000) return;
    last = Date.now();
    const total = p.total ? ` of ${mb(p.total)} MB (${Math.floor((100 * p.received) / p.total)}%)` : ' MB';
    const resumed = p.resumedFrom > 0 ? `, resumed at ${mb(p.resumedFrom)} MB` : '';
    const line = `${id}: ${mb(p.received)}${total}${resumed}`;
    stream.write(stream.isTTY ? `\r\x1b[K${line}${done ? '\n' : ''}` : `${line}\n`);
  };
}

export const modelsCommand: Command = {
  name: 'models',
  summary: 'list, download (fetch) or add detection and re-identification models',
  usage: [
    'thumper models list [--models DIR] [--json]',
    '       thumper models status --library <dir> [--models DIR] [--json]',
    '       thumper models use --library <dir> (--detector <id> | --embedder <id>) [--no-process] [--models DIR] [--json]',
    '       thumper models fetch <id> [--models DIR]',
    `       thumper models add <file.onnx> [--family ${FAMILIES.join('|')}] [--labels a,b,c|FILE] [--id ID] [--name NAME] [--models DIR]`,
  ].join('\n'),
  options: {
    ...jsonOption,
    models: { type: 'string' },
    family: { type: 'string' },
    labels: { type: 'string' },
    id: { type: 'string' },
    name: { type: 'string' },
    ...libraryOption,
    detector: { type: 'string' },
    embedder: { type: 'string' },
    'no-process': { type: 'boolean' },
    ...waitOption,
  },
  async run(args) {
    const [action, target] = args.positionals;
    const folder = resolveModelsFolder(args.values.models as string | undefined);
    if (action === 'list') {
      const listed = await listModels(folder);
      if (args.values.json) printJson({ folder: folder.dir, models: listed, guides: loadCatalog().guides ?? [] });
      else {
        process.stdout.write(`models folder: ${folder.dir} (from ${folder.from})\n`);
        const rows = listed.map((m) => [
          m.entry.id,
          m.entry.kind,
          m.entry.family,
          m.status,
          m.user ? 'added by you' : m.entry.licence,
        ]);
        process.stdout.write(`${indent(table([['model', 'role', 'family', 'status', 'licence'], ...rows]))}\n`);
        for (const g of loadCatalog().guides ?? []) process.stdout.write(`\n  ${g.name}:\n    ${g.howTo}\n`);
      }
      return 0;
    }
    if (action === 'status') {
      const status = await withLibrary(args, (library) => libraryModelsStatus(getSettings(library.db), folder));
      if (args.values.json) printJson(status);
      else {
        process.stdout.write(
          `${table([['role', 'model', 'status'], ...status.roles.map((r) => [r.role, r.id, r.status])])}\n`,
        );
        if (!status.ready) process.stdout.write(`${describeMissing(status)}\n`);
      }
      return status.ready ? 0 : 1;
    }
    if (action === 'use') return useCommand(args, folder);
    if (action === 'fetch') {
      if (!target) throw new UsageError('give the id of the model to fetch (see `thumper models list`)');
      const result = await fetchModel(target, { folder, onProgress: downloadPrinter(target) });
      process.stderr.write(
        result.downloaded ? `installed ${result.file}\n` : `${target} is already installed at ${result.file}\n`,
      );
      return 0;
    }
    if (action === 'add') {
      if (!target) throw new UsageError('give the .onnx file to add');
      const family = args.values.family as string | undefined;
      if (family !== undefined && !FAMILIES.includes(family as Family))
        throw new UsageError(`--family must be one of ${FAMILIES.join(', ')}`);
      const added = await addModel(target, {
        folder,
        // Opened in a forked worker, as in the app: a file that crashes onnxruntime fails the command with the reason.
        inspect: inspectInWorker((task) => runWorkerTask(forkLauncher(), task)),
        family: family as Family | undefined,
        labels: typeof args.values.labels === 'string' ? readLabels(args.values.labels) : undefined,
        id: args.values.id as string | undefined,
        name: args.values.name as string | undefined,
      });
      if (args.values.json) printJson(added);
      else {
        const e = added.entry;
        process.stderr.write(
          `added ${e.id} (${e.kind}, ${e.family}, input ${e.input.width}x${e.input.height}) to ${folder.dir}\n`,
        );
        for (const note of added.notes) process.stderr.write(`  ${note}\n`);
        if (e.kind === 'detector' && Array.isArray(e.labels)) {
          for (const l of e.labels)
            if (typeof l !== 'string')
              process.stderr.write(`  ${l.label} -> ${l.category}${l.sexAge ? ` (${l.sexAge})` : ''}\n`);
        }
        process.stderr.write(`edit the class mapping in ${added.registry}\n`);
      }
      return 0;
    }
    throw new UsageError(`models: expected list, status, use, fetch <id> or add <file.onnx>, not "${action ?? ''}"`);
  },
};

/** Records the library's detector or embedder, then processes what depends on it (unless --no-process). */
async function useCommand(args: ParsedArgs, folder: ReturnType<typeof resolveModelsFolder>): Promise<number> {
  const { detector, embedder } = args.values as { detector?: string; embedder?: string };
  if ((detector === undefined) === (embedder === undefined))
    throw new UsageError('models use: give either --detector <id> or --embedder <id>');
  const role = detector !== undefined ? 'detector' : 'embedder';
  return withLibrary(
    args,
    async (library) => {
      const choice = useModel(library.db, folder, role, (detector ?? embedder)!);
      process.stderr.write(
        choice.changed
          ? `the library's ${role} is now ${choice.id} (was ${choice.previous})\n`
          : `the library's ${role} is already ${choice.id}\n`,
      );
      if (args.values['no-process']) {
        if (args.values.json) printJson({ choice, processing: null });
        else process.stderr.write('run `thumper process` to re-run what depends on it\n');
        return 0;
      }
      const models = (args.values.models as string | undefined) ?? null;
      const outcome = await runSupervisedJob(library, args, (supervisor) => supervisor.startProcessing({ models }));
      if (args.values.json) printJson({ choice, processing: jobJson(outcome, 'process', true) });
      else process.stderr.write(describeJob(outcome, 'process'));
      return 0;
    },
    { writer: 'thumper models use' },
  );
}
