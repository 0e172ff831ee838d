// What an edit command (merge, split, review, rename, traits, undo, redo) says to people: each individual it changed,
// by name with its id, as the gallery shows it now.
import type { editOutput } from './editOutput';
import { count, listTable, named, span } from './humanText';

type EditOutput = ReturnType<typeof editOutput>;

/** An individual the edit touched twice (split: its source and the new one) is listed once. */
const unique = <T extends { id: number }>(list: readonly T[]) =>
  list.filter((x, i) => list.findIndex((y) => y.id === x.id) === i);

export function editText(out: EditOutput): string {
  if (out.journalId === null) return 'nothing changed';
  return listTable(
    ['individual', 'now', 'seen'],
    unique(out.individuals).map((i) => {
      if ('deleted' in i) return [`id ${i.id}`, 'deleted: no detections left', ''];
      if (i.mergedInto !== null) {
        const into = out.individuals.find((o) => o.id === i.mergedInto);
        const target = into && 'name' in into ? named(into.name, into.id) : `id ${i.mergedInto}`;
        return [named(i.name, i.id), `merged into ${target}`, ''];
      }
      return [named(i.name, i.id), count(i.detectionCount, 'detection'), span(i.firstSeen, i.lastSeen)];
    }),
    'nothing changed',
  );
}
