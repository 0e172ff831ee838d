// A clip's boxes are its sampled frames': the grid's filters and sorts find a clip by them. Photos pay nothing more:
// their own boxes are read first, and only a clip looks into its frames.
import { COUNTED } from './sqlFilter';

/**
 * Whether a photo has a counted box (that also meets `also`, with `join`), or a clip one in its sampled frames. A
 * photo's test reads its own boxes first, and only a clip looks further.
 */
export const hasBox = (also = '', join = '') =>
  `(EXISTS (SELECT 1 FROM detections d ${join} WHERE d.image_id = i.id AND ${COUNTED}${also}) OR (i.media_type = 'clip' AND
    EXISTS (SELECT 1 FROM images f JOIN detections d ON d.image_id = f.id ${join} WHERE f.clip_id = i.id AND ${COUNTED}${also})))`;

/** Photos (a clip for its frames) with a counted box in a tracklet meeting `tracklet`. */
export const inTracklets = (tracklet: string) =>
  `(SELECT coalesce(f.clip_id, d.image_id) FROM tracklets t JOIN detections d ON d.tracklet_id = t.id
    JOIN images f ON f.id = d.image_id WHERE ${tracklet} AND ${COUNTED})`;
