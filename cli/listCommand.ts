// A read-only listing command: open the library, list rows, print them as JSON (--json) or as text for people.
import type { Db } from '../core/db/open';
import { jsonOption, libraryOption, printJson, withLibrary, type Command } from './command';

export function listCommand<T>(
  name: string,
  summary: string,
  list: (db: Db) => T[],
  text: (rows: T[], db: Db) => string,
): Command {
  return {
    name,
    summary,
    usage: `thumper ${name} --library <dir> [--json]`,
    options: { ...libraryOption, ...jsonOption },
    run: (args) =>
      withLibrary(args, (library) => {
        const rows = list(library.db);
        if (args.values.json) printJson(rows);
        else process.stdout.write(`${text(rows, library.db)}\n`);
        return 0;
      }),
  };
}
