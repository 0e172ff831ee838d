// `thumper cameras list [--json]` and `thumper cameras set <id> [--name N] [--location LAT,LON] [--utc-offset +HH:MM]`:
// the cameras with their place and what they saw, and the edits Camtrap DP needs (a place and a clock offset).
import { parseLatLon } from '../../core/cameras/coordinates';
import { updateCamera } from '../../core/cameras/places';
import type { CameraPlace, CameraUpdate } from '../../core/contract/cameras';
import type { Db } from '../../core/db/open';
import { listCameras } from '../../core/queries/cameras';
import { count, listTable, named, span } from '../humanText';
import { jsonOption, libraryOption, printJson, UsageError, waitOption, withLibrary, type Command } from '../command';

/** A camera by id, or by its display name (case-insensitive). */
function findCamera(db: Db, value: string | undefined): CameraPlace {
  if (!value) throw new UsageError('give the camera: its id (see `thumper cameras list`) or its name');
  const cameras = listCameras(db);
  const camera = cameras.find((c) => String(c.id) === value || c.name.toLowerCase() === value.toLowerCase());
  if (!camera)
    throw new UsageError(`no camera "${value}"; cameras: ${cameras.map((c) => `${c.id} ${c.name}`).join(', ')}`);
  return camera;
}

const where = (c: CameraPlace) => (c.latitude === null ? '-' : `${c.latitude},${c.longitude}`);

/** Name with the id `cameras set` and `survey --camera` also take, what it saw, when, its clock and place. */
export function camerasText(cameras: readonly CameraPlace[]): string {
  return listTable(
    ['camera', 'photos', 'taken', 'utc', 'location', 'RAI (per 100 trap-nights)', 'key'],
    cameras.map((c) => [
      named(c.name, c.id),
      String(c.photos),
      span(c.firstTaken, c.lastTaken),
      c.utcOffset ?? '-',
      where(c),
      c.relativeAbundance === null
        ? '-'
        : `${c.relativeAbundance} (${c.independentDetections} in ${count(c.trapNights, 'night')})`,
      c.key,
    ]),
    'no cameras yet',
  );
}

function setArgs(values: Record<string, unknown>): Omit<CameraUpdate, 'id'> {
  const update: Omit<CameraUpdate, 'id'> = {};
  if (typeof values.name === 'string') update.name = values.name;
  if (typeof values.location === 'string') Object.assign(update, parseLatLon(values.location));
  if (typeof values['utc-offset'] === 'string') update.utcOffset = values['utc-offset'];
  if (typeof values.notes === 'string') update.notes = values.notes;
  if (Object.keys(update).length === 0)
    throw new UsageError('give at least one of --name, --location LAT,LON, --utc-offset +HH:MM, --notes');
  return update;
}

export const camerasCommand: Command = {
  name: 'cameras',
  summary: "list cameras (place, offset, relative abundance) or set a camera's name, location and UTC offset",
  usage:
    'thumper cameras list --library <dir> [--json]\n' +
    '       thumper cameras set --library <dir> <id or name> [--name N] [--location LAT,LON] [--utc-offset +HH:MM] [--notes TEXT]\n' +
    '       (a negative first number needs "=": --location=-33.9,18.4, --utc-offset=-05:00)',
  options: {
    ...libraryOption,
    ...jsonOption,
    ...waitOption,
    name: { type: 'string' },
    location: { type: 'string' },
    'utc-offset': { type: 'string' },
    notes: { type: 'string' },
  },
  async run(args) {
    const [sub, target, ...extra] = args.positionals;
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    if (sub === 'list') {
      return withLibrary(args, (library) => {
        const cameras = listCameras(library.db);
        if (args.values.json) printJson(cameras);
        else process.stdout.write(`${camerasText(cameras)}\n`);
        return 0;
      });
    }
    if (sub === 'set') {
      // Everything is checked before the library is touched: a bad value stores nothing.
      const update = setArgs(args.values);
      return withLibrary(
        args,
        (library) => {
          const camera = findCamera(library.db, target);
          updateCamera(library.db, { id: camera.id, ...update });
          const now = listCameras(library.db).find((c) => c.id === camera.id)!;
          if (args.values.json) printJson(now);
          else
            process.stdout.write(
              `${named(now.name, now.id)}: clock UTC${now.utcOffset ?? ' offset unknown'}, location ${where(now) === '-' ? 'unknown' : where(now)}\n`,
            );
          return 0;
        },
        { writer: 'thumper cameras set' },
      );
    }
    throw new UsageError('use `thumper cameras list` or `thumper cameras set <id> ...`');
  },
};
