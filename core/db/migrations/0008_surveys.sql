CREATE TABLE `surveys` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`from_day` text,
	`to_day` text,
	`camera_ids` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
