// The columns every reader of stored boxes selects (the viewer's boxes, the exports): one list, so a box column added
// to the schema reaches both. The individual comes through the tracklet: the query joins `tracklets`.
import { detections as d, tracklets } from '../db/schema';

export const BOX_FIELDS = {
  id: d.id,
  model: d.model,
  rawLabel: d.rawLabel,
  category: d.category,
  sexAge: d.sexAge,
  confidence: d.confidence,
  x: d.x,
  y: d.y,
  w: d.w,
  h: d.h,
  reviewed: d.reviewed,
  trackletId: d.trackletId,
  individualId: tracklets.individualId,
};
