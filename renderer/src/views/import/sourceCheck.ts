// What a typed card or folder path holds, in the words the path field shows under itself ("58 photos, 2 clips",
// "no such file or folder on this computer"), from the import preview the Import view uses.
import type { ImportPreview } from '../../../../core/contract/entities';
import { formatCount } from '../../lib/format';
import type { CheckAnswer } from './usePathCheck';

/** A path the preview is not asked about: the whole disk would be walked, and a relative path has no meaning here. */
export function pathNotToCheck(path: string): string | null {
  if (/^(\/+|[A-Za-z]:[\\/]?)$/.test(path)) return 'the whole disk: type the folder of the card or of the photos';
  if (!/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path)) return 'type the full path, starting with / (for example /media/sdcard)';
  return null;
}

export function describeSource(preview: ImportPreview): CheckAnswer {
  const problem = preview.unreadable.find((u) => u.file === preview.sources[0]);
  if (problem) return { ok: false, text: problem.reason };
  const found = preview.photos + preview.videos;
  if (found === 0)
    return {
      ok: false,
      text:
        preview.otherFiles > 0
          ? `no photos or clips here (${formatCount(preview.otherFiles, 'other file')})`
          : 'no photos or clips here',
    };
  const counts = `${formatCount(preview.photos, 'photo')}, ${formatCount(preview.videos, 'clip')}`;
  const known =
    preview.alreadyInLibrary > 0 ? `, ${preview.alreadyInLibrary.toLocaleString()} already in the library` : '';
  const others = preview.otherFiles > 0 ? `, ${formatCount(preview.otherFiles, 'other file')}` : '';
  return { ok: true, text: `${counts}${known}${others}` };
}
