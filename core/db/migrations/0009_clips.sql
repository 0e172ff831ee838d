ALTER TABLE `images` ADD `media_type` text DEFAULT 'photo' NOT NULL;--> statement-breakpoint
ALTER TABLE `images` ADD `clip_id` integer;--> statement-breakpoint
ALTER TABLE `images` ADD `frame_ms` integer;--> statement-breakpoint
ALTER TABLE `images` ADD `duration_ms` integer;--> statement-breakpoint
CREATE INDEX `images_clip` ON `images` (`clip_id`,`frame_ms`);
