// The shape of a CLI command: its options (node:util parseArgs) and what it does. Commands live one per file in
// cli/commands/ and are listed in cli/commands/index.ts.
import type { ParseArgsConfig } from 'node:util';
import { openLibrary, type Library, type OpenLibraryOptions } from '../core/library/library';
import { acquireWriterLock, describeHolder, type WriterLock } from '../core/library/writerLock';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Options;
  /** Returns the process exit code. */
  run(args: ParsedArgs): Promise<number>;
}

/** A user mistake on the command line: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

export const libraryOption = { library: { type: 'string', short: 'l' } } as const satisfies Options;
export const jsonOption = { json: { type: 'boolean' } } as const satisfies Options;
/** Commands that write take the library's writer lock; --wait queues behind the holder instead of stopping. */
export const waitOption = { wait: { type: 'boolean' } } as const satisfies Options;

export function requireLibrary(args: ParsedArgs): string {
  const dir = args.values.library ?? process.env.THUMPER_LIBRARY;
  if (typeof dir !== 'string' || dir === '')
    throw new UsageError('--library <dir> is required (or set THUMPER_LIBRARY)');
  return dir;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export interface WithLibraryOptions extends OpenLibraryOptions {
  /** The command writes: take the writer lock for its length, naming it so ("thumper import"). */
  writer?: string;
}

/** Takes the writer lock of the library at `root` for `what`; with --wait, says on stderr whom it waits for. */
export function lockForWriting(root: string, what: string, args: ParsedArgs): Promise<WriterLock> {
  return acquireWriterLock(root, what, {
    wait: !!args.values.wait,
    onWait: (holder) => process.stderr.write(`waiting: ${describeHolder(holder, root)}\n`),
  });
}

/** Opens the library named by --library for the length of `fn` (as its only writer when `options.writer`). */
export async function withLibrary<T>(
  args: ParsedArgs,
  fn: (library: Library) => T | Promise<T>,
  options: WithLibraryOptions = {},
): Promise<T> {
  const library = openLibrary(requireLibrary(args), options);
  let lock: WriterLock | undefined;
  try {
    if (options.writer) lock = await lockForWriting(library.root, options.writer, args);
    return await fn(library);
  } finally {
    await lock?.release();
    library.close();
  }
}
