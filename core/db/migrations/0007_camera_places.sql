ALTER TABLE `cameras` ADD `latitude` real;--> statement-breakpoint
ALTER TABLE `cameras` ADD `longitude` real;--> statement-breakpoint
ALTER TABLE `cameras` ADD `notes` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `cameras` ADD `merged_into` integer REFERENCES cameras(id);--> statement-breakpoint
CREATE TABLE `deployments` (
	`id` integer PRIMARY KEY NOT NULL,
	`camera_id` integer NOT NULL,
	`start` text NOT NULL,
	`latitude` real,
	`longitude` real,
	`location_name` text,
	`camera_height` real,
	`camera_tilt` integer,
	`camera_heading` integer,
	`bait_use` integer,
	`feature_type` text,
	`habitat` text,
	`comments` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`camera_id`) REFERENCES `cameras`(`id`) ON UPDATE no action ON DELETE cascade
);--> statement-breakpoint
CREATE UNIQUE INDEX `deployments_camera_start` ON `deployments` (`camera_id`,`start`);--> statement-breakpoint
CREATE TRIGGER `images_follow_merged_camera` AFTER INSERT ON `images`
WHEN NEW.camera_id IS NOT NULL AND (SELECT merged_into FROM cameras WHERE id = NEW.camera_id) IS NOT NULL
BEGIN
	UPDATE images SET camera_id = (SELECT merged_into FROM cameras WHERE id = NEW.camera_id) WHERE id = NEW.id;
END;
