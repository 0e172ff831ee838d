CREATE INDEX `detections_counted_image` ON `detections` (`image_id`,`category`,`duplicate`,`false_positive`) WHERE NOT duplicate AND NOT false_positive;--> statement-breakpoint
CREATE INDEX `detections_counted_tracklet` ON `detections` (`tracklet_id`,`image_id`,`duplicate`,`false_positive`) WHERE NOT duplicate AND NOT false_positive;--> statement-breakpoint
CREATE INDEX `images_import_state` ON `images` (`import_id`,`state`);--> statement-breakpoint
CREATE INDEX `sequences_start` ON `sequences` (`start`);