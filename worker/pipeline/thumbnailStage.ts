// Stage: the grid thumbnail from the decode the detector used. The viewer's preview is not made here: most photos
// are never opened, so it is made on first request (core/services/media.ts) and cached.
import fs from 'node:fs';
import { cachePath } from '../../core/photos/cachePaths';
import { writeThumbnail } from '../../core/photos/thumbnails';
import { skipped, success, type PhotoStage, type StageContext } from './stages';

export function thumbnailStage(ctx: StageContext): PhotoStage {
  return {
    name: 'thumbnails',
    async run(photo) {
      // A photo processed again (another detector) keeps its thumbnail: the file it shows has not changed.
      if (fs.existsSync(cachePath(ctx.library.cacheDir, 'thumbs', photo.image.id))) return skipped('thumbnail exists');
      await writeThumbnail(photo.decoded, ctx.library.cacheDir, photo.image.id);
      return success();
    },
  };
}
