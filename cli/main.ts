// `thumper <command> ...`: the headless front door to the same core the app uses. Errors are one line (with a stack
// only under --debug or THUMPER_DEBUG); a closed stdout (`| head`) ends the command quietly.
import { parseArgs } from 'node:util';
import { UsageError } from './command';
import { COMMANDS } from './commands';
import { describeFailure } from './failureLine';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: thumper <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "thumper <command> --help shows a command's options. Every command takes --json (data instead of text) and",
    '--debug (stack traces with errors).',
  ].join('\n');
}

/** A reader that went away (`thumper images | head`) is not an error: stop writing, exit as if done. */
let pipeWatched = false;
function quietOnClosedPipe(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
}

export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  const debug = argv.includes('--debug') || !!process.env.THUMPER_DEBUG;
  const [name, ...rest] = argv.filter((a) => a !== '--debug');
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`unknown command "${name}"\n\n${help()}`);
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(`usage: ${command.usage}\n`);
      return 0;
    }
    const options = { json: { type: 'boolean' as const }, ...command.options };
    const parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
    return await command.run(parsed as Parameters<typeof command.run>[0]);
  } catch (err) {
    const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const library = libraryArg(rest);
    process.stderr.write(`thumper ${name}: ${usage ? (err as Error).message : describeFailure(err, library)}\n`);
    if (!usage && debug) process.stderr.write(`${(err as Error).stack}\n`);
    return usage ? 2 : 1;
  }
}

/** The --library given (or THUMPER_LIBRARY), to say where a disk failure happened. */
function libraryArg(args: string[]): string | undefined {
  const i = args.findIndex((a) => a === '--library' || a === '-l');
  const inline = args.find((a) => a.startsWith('--library='));
  return (i >= 0 ? args[i + 1] : inline?.slice('--library='.length)) ?? process.env.THUMPER_LIBRARY;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`thumper: ${(err as Error).message}\n`);
      if (process.argv.includes('--debug')) process.stderr.write(`${(err as Error).stack}\n`);
      process.exitCode = 1;
    },
  );
}
