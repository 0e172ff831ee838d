// `thumper <command> ...`: the headless front door to the same core the app uses.
import { parseArgs } from 'node:util';
import { UsageError } from './command';
import { COMMANDS } from './commands';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: thumper <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "thumper <command> --help shows a command's options.",
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
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
    const parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    return await command.run(parsed as Parameters<typeof command.run>[0]);
  } catch (err) {
    const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`thumper ${name}: ${(err as Error).message}\n`);
    if (!usage && process.env.THUMPER_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    return usage ? 2 : 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${(err as Error).stack}\n`);
      process.exitCode = 1;
    },
  );
}
