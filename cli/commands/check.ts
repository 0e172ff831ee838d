// `thumper check [--repair]`: see core/library/check.ts. Exit 0 when the library is whole (or was made whole).
import { checkLibrary } from '../../core/library/check';
import { count, table } from '../humanText';
import { jsonOption, libraryOption, printJson, waitOption, withLibrary, type Command } from '../command';

export const checkCommand: Command = {
  name: 'check',
  summary: 'check that every photo file is there and intact and the library has no leftovers; --repair fixes them',
  usage: 'thumper check --library <dir> [--repair] [--wait] [--json]',
  options: { ...libraryOption, ...jsonOption, ...waitOption, repair: { type: 'boolean' } },
  async run(args) {
    const repair = !!args.values.repair;
    const report = await withLibrary(args, (library) => checkLibrary(library, { repair }), {
      // Only a repair writes; a plain check reads beside a running import.
      writer: repair ? 'thumper check --repair' : undefined,
    });
    if (args.values.json) printJson(report);
    else {
      process.stdout.write(`checked ${count(report.photos, 'photo')}: ${count(report.problems.length, 'problem')}`);
      process.stdout.write(report.problems.length === 0 ? '\n' : `, ${report.remaining} left\n`);
      const rows = report.problems.map((p) => [p.kind, p.repaired ? 'repaired' : '', p.what, p.detail]);
      if (rows.length > 0) process.stdout.write(`${table(rows)}\n`);
      if (report.remaining > 0 && !repair)
        process.stdout.write('run thumper check --repair to fix what can be fixed\n');
    }
    return report.remaining === 0 ? 0 : 1;
  },
};
