// Which camera took a photo. Identity order: the serial number in EXIF (with the camera's own label as its name),
// then the name given at import, then make and model, then the folder the photo came from. The name given at import
// comes before make/model because many cheap cameras share one model string and carry no serial.
import path from 'node:path';
import type { PhotoMetadata } from './metadata';

export interface CameraIdentity {
  key: string;
  name: string;
  make: string | null;
  model: string | null;
  serial: string | null;
}

export function identifyCamera(
  meta: Pick<PhotoMetadata, 'make' | 'model' | 'serial' | 'reconyx'> | null,
  givenName: string | undefined,
  sourceFile: string,
): CameraIdentity {
  const make = meta?.make ?? null;
  const model = meta?.model ?? null;
  const serial = meta?.serial ?? null;
  const label = meta?.reconyx?.label ?? null;
  if (serial) return { key: `serial:${serial}`, name: label ?? givenName ?? serial, make, model, serial };
  if (givenName) return { key: `name:${givenName}`, name: givenName, make, model, serial };
  if (model) {
    const name = make && !model.toLowerCase().startsWith(make.toLowerCase()) ? `${make} ${model}` : model;
    return { key: `model:${name}`, name, make, model, serial };
  }
  const folder = path.basename(path.dirname(sourceFile)) || 'unknown camera';
  return { key: `folder:${folder}`, name: folder, make, model, serial };
}

/** A camera name made safe as one folder name on every platform. */
export function folderName(name: string): string {
  const safe = name
    .normalize('NFC')
    // Control characters are among those file systems refuse in a name.
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')
    .replace(/[. ]+$/g, '')
    .slice(0, 80);
  return safe.length > 0 ? safe : 'camera';
}
