// Cameras and where they stood, in the API: a camera's place (coordinates, place name, notes, UTC offset), its
// deployments (moved or re-aimed from a date on, with the set-up fields Camtrap DP 1.0.2 allows) and what it saw
// (animal detections, independent detections per 100 trap-nights).
import { z } from 'zod';
import { cameraSchema, id, localTime } from './entities';
import { utcOffsetSchema } from './utcOffset';

/** Camtrap DP 1.0.2's featureType values. */
export const FEATURE_TYPES = [
  'roadPaved',
  'roadDirt',
  'trailHiking',
  'trailGame',
  'roadUnderpass',
  'roadOverpass',
  'roadBridge',
  'culvert',
  'burrow',
  'nestSite',
  'carcass',
  'waterSource',
  'fruitingTree',
] as const;
export type FeatureType = (typeof FEATURE_TYPES)[number];

export const latitudeSchema = z
  .number({ message: 'latitude must be a number of degrees' })
  .min(-90, 'latitude must be between -90 and 90 degrees')
  .max(90, 'latitude must be between -90 and 90 degrees');
export const longitudeSchema = z
  .number({ message: 'longitude must be a number of degrees' })
  .min(-180, 'longitude must be between -180 and 180 degrees')
  .max(180, 'longitude must be between -180 and 180 degrees');

/** What a deployment records besides its camera and start (every field optional, as in Camtrap DP). */
export const deploymentFieldsSchema = z.object({
  latitude: latitudeSchema.nullable().default(null),
  longitude: longitudeSchema.nullable().default(null),
  locationName: z.string().trim().max(200).nullable().default(null),
  /** Metres above the ground. */
  cameraHeight: z.number().min(0).max(100).nullable().default(null),
  /** Degrees: -90 straight down, 0 level, 90 straight up. */
  cameraTilt: z.number().int().min(-90).max(90).nullable().default(null),
  /** Degrees clockwise from north. */
  cameraHeading: z.number().int().min(0).max(360).nullable().default(null),
  baitUse: z.boolean().nullable().default(null),
  featureType: z.enum(FEATURE_TYPES).nullable().default(null),
  habitat: z.string().trim().max(500).nullable().default(null),
  comments: z.string().max(5000).default(''),
});

export const deploymentSchema = deploymentFieldsSchema.required().extend({
  id,
  cameraId: id,
  /** Camera-local time from which the camera stood here. */
  start: z.string(),
});
export type Deployment = z.infer<typeof deploymentSchema>;

export const cameraPlaceSchema = cameraSchema.extend({
  /** The identity photos are matched by (serial, or a derived key); never changes when the camera is renamed. */
  key: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  notes: z.string(),
  deployments: z.array(deploymentSchema),
  /** Counted animal detections (not duplicates, not marked false). */
  animalDetections: z.number(),
  /** Photos with an animal, counted again only after the library's independence interval without one. */
  independentDetections: z.number(),
  /** Days the camera ran: from its first deployment or photo to its last photo. */
  trapNights: z.number(),
  /** Independent detections per 100 trap-nights; null before a camera has run a night. */
  relativeAbundance: z.number().nullable(),
});
export type CameraPlace = z.infer<typeof cameraPlaceSchema>;

export const cameraUpdateSchema = z
  .object({
    id,
    name: z.string().trim().min(1, 'a camera needs a name').max(200).optional(),
    /** Both or neither; null clears the coordinates. */
    latitude: latitudeSchema.nullable().optional(),
    longitude: longitudeSchema.nullable().optional(),
    utcOffset: utcOffsetSchema.nullable().optional(),
    location: z.string().trim().max(200).nullable().optional(),
    notes: z.string().max(20_000).optional(),
  })
  .strict()
  .refine(
    (a) =>
      (a.latitude === undefined) === (a.longitude === undefined) && (a.latitude === null) === (a.longitude === null),
    'give latitude and longitude together',
  );
export type CameraUpdate = z.infer<typeof cameraUpdateSchema>;

export const addDeploymentSchema = deploymentFieldsSchema
  .extend({ cameraId: id, start: localTime })
  .strict()
  .refine((a) => (a.latitude === null) === (a.longitude === null), 'give latitude and longitude together');
export type AddDeployment = z.infer<typeof addDeploymentSchema>;

export const mergeCamerasSchema = z.object({ targetId: id, sourceIds: z.array(id).min(1).max(100) }).strict();
export const splitCameraSchema = z
  .object({
    cameraId: id,
    /** Photos taken at or after this camera-local time become the new camera's. */
    from: localTime,
    name: z.string().trim().min(1).max(200),
  })
  .strict();
