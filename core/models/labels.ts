// Raw model labels -> what the app shows. No model here knows deer (COCO detectors call a deer horse, cow, dog,
// sheep or giraffe), so every living non-person class is "animal"; objects are ignored; a user's own model may also
// know sex/age classes (doe, fawn, buck), which are kept apart from the category.
import type { ClassSpec } from './catalog';

export type LabelCategory = 'animal' | 'person' | 'vehicle' | 'ignored';

export interface ClassMapping {
  label: string;
  category: LabelCategory;
  sexAge: string | null;
}

export const COCO80 = [
  'person',
  'bicycle',
  'car',
  'motorcycle',
  'airplane',
  'bus',
  'train',
  'truck',
  'boat',
  'traffic light',
  'fire hydrant',
  'stop sign',
  'parking meter',
  'bench',
  'bird',
  'cat',
  'dog',
  'horse',
  'sheep',
  'cow',
  'elephant',
  'bear',
  'zebra',
  'giraffe',
  'backpack',
  'umbrella',
  'handbag',
  'tie',
  'suitcase',
  'frisbee',
  'skis',
  'snowboard',
  'sports ball',
  'kite',
  'baseball bat',
  'baseball glove',
  'skateboard',
  'surfboard',
  'tennis racket',
  'bottle',
  'wine glass',
  'cup',
  'fork',
  'knife',
  'spoon',
  'bowl',
  'banana',
  'apple',
  'sandwich',
  'orange',
  'broccoli',
  'carrot',
  'hot dog',
  'pizza',
  'donut',
  'cake',
  'chair',
  'couch',
  'potted plant',
  'bed',
  'dining table',
  'toilet',
  'tv',
  'laptop',
  'mouse',
  'remote',
  'keyboard',
  'cell phone',
  'microwave',
  'oven',
  'toaster',
  'sink',
  'refrigerator',
  'book',
  'clock',
  'vase',
  'scissors',
  'teddy bear',
  'hair drier',
  'toothbrush',
] as const;

const PERSON = new Set(['person', 'people', 'human', 'hunter']);
const VEHICLE = new Set([
  'vehicle',
  'bicycle',
  'car',
  'motorcycle',
  'airplane',
  'bus',
  'train',
  'truck',
  'boat',
  'utv',
  'atv',
  'tractor',
]);
// COCO's non-living classes. "mouse" is the computer mouse in COCO, and a camera trap rarely mistakes an animal for one.
const OBJECTS = new Set(
  COCO80.slice(COCO80.indexOf('traffic light'), COCO80.indexOf('bird')).concat(
    COCO80.slice(COCO80.indexOf('backpack')),
  ),
);
const SEX_AGE: Record<string, string> = {
  doe: 'doe',
  hind: 'doe',
  fawn: 'fawn',
  calf: 'fawn',
  buck: 'buck',
  stag: 'buck',
  'young buck': 'young buck',
  mid: 'mid buck',
  mature: 'mature buck',
};

/** The app's reading of one raw label; unknown names are animals, since that is what a trail camera sees most. */
export function mapLabel(label: string): ClassMapping {
  const key = label.trim().toLowerCase();
  if (PERSON.has(key)) return { label, category: 'person', sexAge: null };
  if (VEHICLE.has(key)) return { label, category: 'vehicle', sexAge: null };
  if (OBJECTS.has(key as (typeof COCO80)[number])) return { label, category: 'ignored', sexAge: null };
  return { label, category: 'animal', sexAge: SEX_AGE[key] ?? null };
}

/** The mapping of a model's classes, by class index, from its catalog labels or its ONNX `names`. */
export function classMappings(labels: 'coco80' | readonly (string | ClassSpec)[]): ClassMapping[] {
  const list = labels === 'coco80' ? COCO80 : labels;
  return list.map((l) => {
    if (typeof l === 'string') return mapLabel(l);
    const auto = mapLabel(l.label);
    return { label: l.label, category: l.category ?? auto.category, sexAge: l.sexAge ?? auto.sexAge };
  });
}
