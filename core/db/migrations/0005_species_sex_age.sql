ALTER TABLE `detections` ADD `quality` real;--> statement-breakpoint
ALTER TABLE `individuals` ADD `species` text DEFAULT 'deer' NOT NULL;--> statement-breakpoint
ALTER TABLE `individuals` ADD `species_by_user` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `individuals` ADD `sex_age` text;--> statement-breakpoint
ALTER TABLE `individuals` ADD `sex_age_by_user` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `individuals` ADD `cover_by_user` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `individuals_species` ON `individuals` (`species`);
