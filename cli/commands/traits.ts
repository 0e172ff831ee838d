import { setTraits } from '../../core/edits';
import { jsonOption, libraryOption, waitOption, UsageError, type Command, withLibrary } from '../command';
import { parseIds, printEditResult } from '../editOutput';

/** "none" (or an empty value) clears a class; an absent option leaves it as it is. */
const trait = (v: unknown) => (typeof v !== 'string' ? undefined : v === '' || v === 'none' ? null : v);

export const traitsCommand: Command = {
  name: 'traits',
  summary: "set an individual's sex and/or age class, used to rule out suggestions (undoable)",
  usage:
    'thumper traits --library <dir> <individualId> [--sex <male|female|none>] [--age <adult|yearling|fawn|none>] [--json]',
  options: { ...libraryOption, ...jsonOption, ...waitOption, sex: { type: 'string' }, age: { type: 'string' } },
  async run(args) {
    const ids = parseIds(args.positionals, 'individuals');
    if (ids.length !== 1) throw new UsageError('give one individual id');
    const sex = trait(args.values.sex);
    const ageClass = trait(args.values.age);
    if (sex === undefined && ageClass === undefined) throw new UsageError('give --sex and/or --age');
    return withLibrary(
      args,
      (library) => {
        printEditResult(
          library.db,
          setTraits(library.db, { individualId: ids[0]!, sex, ageClass }),
          !!args.values.json,
        );
        return 0;
      },
      { writer: 'thumper traits' },
    );
  },
};
