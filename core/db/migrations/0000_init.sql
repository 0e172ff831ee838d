CREATE TABLE `cameras` (
	`id` integer PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`make` text,
	`model` text,
	`serial` text,
	`utc_offset` text,
	`location` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cameras_key_unique` ON `cameras` (`key`);--> statement-breakpoint
CREATE TABLE `detections` (
	`id` integer PRIMARY KEY NOT NULL,
	`image_id` integer NOT NULL,
	`model` text NOT NULL,
	`raw_label` text NOT NULL,
	`category` text NOT NULL,
	`sex_age` text,
	`confidence` real NOT NULL,
	`x` real NOT NULL,
	`y` real NOT NULL,
	`w` real NOT NULL,
	`h` real NOT NULL,
	`duplicate` integer DEFAULT false NOT NULL,
	`false_positive` integer DEFAULT false NOT NULL,
	`reviewed` integer DEFAULT false NOT NULL,
	`tracklet_id` integer,
	`crop_path` text,
	FOREIGN KEY (`image_id`) REFERENCES `images`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `detections_image` ON `detections` (`image_id`);--> statement-breakpoint
CREATE INDEX `detections_tracklet` ON `detections` (`tracklet_id`);--> statement-breakpoint
CREATE TABLE `edit_journal` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`forward` text NOT NULL,
	`inverse` text NOT NULL,
	`undone` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `images` (
	`id` integer PRIMARY KEY NOT NULL,
	`sha256` text,
	`path` text,
	`in_place` integer DEFAULT false NOT NULL,
	`file_name` text NOT NULL,
	`source_path` text NOT NULL,
	`import_id` integer,
	`camera_id` integer,
	`taken_at` text,
	`taken_at_source` text,
	`time_note` text,
	`width` integer,
	`height` integer,
	`orientation` integer,
	`bytes` integer,
	`trigger_event` integer,
	`trigger_frame` integer,
	`trigger_frames` integer,
	`state` text NOT NULL,
	`error` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`sequence_id` integer,
	`detector` text,
	`embedder` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`camera_id`) REFERENCES `cameras`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `images_sha256_unique` ON `images` (`sha256`);--> statement-breakpoint
CREATE INDEX `images_state` ON `images` (`state`);--> statement-breakpoint
CREATE INDEX `images_camera_time` ON `images` (`camera_id`,`taken_at`);--> statement-breakpoint
CREATE INDEX `images_taken_at` ON `images` (`taken_at`);--> statement-breakpoint
CREATE INDEX `images_sequence` ON `images` (`sequence_id`);--> statement-breakpoint
CREATE INDEX `images_source_path` ON `images` (`source_path`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY NOT NULL,
	`sources` text NOT NULL,
	`options` text NOT NULL,
	`status` text NOT NULL,
	`summary` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
CREATE TABLE `individuals` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`sex` text,
	`age_class` text,
	`notes` text DEFAULT '' NOT NULL,
	`cover_detection_id` integer,
	`confirmed` integer DEFAULT false NOT NULL,
	`merged_into` integer,
	`detection_count` integer DEFAULT 0 NOT NULL,
	`first_seen` text,
	`last_seen` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `individuals_merged` ON `individuals` (`merged_into`);--> statement-breakpoint
CREATE TABLE `sequences` (
	`id` integer PRIMARY KEY NOT NULL,
	`camera_id` integer,
	`start` text,
	`end` text,
	`photo_count` integer NOT NULL,
	FOREIGN KEY (`camera_id`) REFERENCES `cameras`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sequences_camera_start` ON `sequences` (`camera_id`,`start`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `skipped_files` (
	`id` integer PRIMARY KEY NOT NULL,
	`import_id` integer,
	`source_path` text NOT NULL,
	`reason` text NOT NULL,
	`bytes` integer,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `skipped_files_source` ON `skipped_files` (`import_id`,`source_path`);--> statement-breakpoint
CREATE TABLE `suggestions` (
	`id` integer PRIMARY KEY NOT NULL,
	`individual_id` integer NOT NULL,
	`candidate_id` integer NOT NULL,
	`embedder` text NOT NULL,
	`score` real NOT NULL,
	`appearance` real NOT NULL,
	`time_gap_seconds` real,
	`same_camera` integer NOT NULL,
	`rank` integer NOT NULL,
	`member_signature` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`decided_at` text
);
--> statement-breakpoint
CREATE INDEX `suggestions_state_score` ON `suggestions` (`state`,`score`);--> statement-breakpoint
CREATE INDEX `suggestions_individual` ON `suggestions` (`individual_id`);--> statement-breakpoint
CREATE INDEX `suggestions_candidate` ON `suggestions` (`candidate_id`);--> statement-breakpoint
CREATE TABLE `tracklets` (
	`id` integer PRIMARY KEY NOT NULL,
	`sequence_id` integer NOT NULL,
	`category` text NOT NULL,
	`individual_id` integer,
	`embedding` blob
);
--> statement-breakpoint
CREATE INDEX `tracklets_sequence` ON `tracklets` (`sequence_id`);--> statement-breakpoint
CREATE INDEX `tracklets_individual` ON `tracklets` (`individual_id`);