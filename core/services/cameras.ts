// The camera methods over core/cameras: each edit is written, then announced so every window refetches its cameras
// (the Cameras view, the map, camera names in other views).
import { ApiError } from '../contract';
import type { CameraPlace } from '../contract/cameras';
import { cameraGps } from '../cameras/exifGps';
import { mergeCameras, splitCamera } from '../cameras/identities';
import { addDeployment, removeDeployment, requireCamera, updateCamera } from '../cameras/places';
import type { Library } from '../library/library';
import { listCameras } from '../queries/cameras';
import type { Handlers } from './dispatch';
import type { EventHub } from './hub';

type CameraMethod = Exclude<Extract<keyof Handlers, `cameras.${string}`>, 'cameras.list'>;

export function cameraPlace(library: Library, id: number): CameraPlace {
  const camera = listCameras(library.db).find((c) => c.id === id);
  if (!camera) throw new ApiError('not_found', `no camera ${id}`);
  return camera;
}

export function cameraHandlers(library: Library, events: EventHub): Pick<Handlers, CameraMethod> {
  const { db } = library;
  const changed = <T>(value: T, scopes: ('cameras' | 'photos')[] = ['cameras']): T => {
    events.emit('library.changed', { scopes });
    return value;
  };
  return {
    'cameras.update': (a) => {
      updateCamera(db, a);
      return changed(cameraPlace(library, a.id));
    },
    'cameras.locateFromPhotos': async (a) => {
      const camera = requireCamera(db, a.id);
      updateCamera(db, { id: a.id, ...(await cameraGps(library, a.id, camera.name)) });
      return changed(cameraPlace(library, a.id));
    },
    'cameras.addDeployment': (a) => {
      addDeployment(db, a);
      return changed(cameraPlace(library, a.cameraId));
    },
    'cameras.removeDeployment': (a) => {
      removeDeployment(db, a.id);
      return changed({ ok: true as const });
    },
    'cameras.merge': (a) => {
      mergeCameras(db, a.targetId, a.sourceIds);
      return changed(cameraPlace(library, a.targetId), ['cameras', 'photos']);
    },
    'cameras.split': (a) => {
      const id = splitCamera(db, a.cameraId, a.from, a.name);
      return changed(cameraPlace(library, id), ['cameras', 'photos']);
    },
  };
}
