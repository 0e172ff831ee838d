// Stage: grid thumbnail and medium preview from the decode the detector used.
import { writeThumbnails } from '../../core/photos/thumbnails';
import type { PhotoStage, StageContext } from './stages';

export function thumbnailStage(ctx: StageContext): PhotoStage {
  return {
    name: 'thumbnails',
    async run(photo) {
      await writeThumbnails(photo.decoded, ctx.library.cacheDir, photo.image.id);
      return {};
    },
  };
}
