-- The dashboard's activity charts (core/queries/dashboard.ts) read these sums instead of every animal detection:
-- counted animal boxes (not duplicate, not marked false) per camera and day, and per camera and hour of the day,
-- kept by the triggers below on every change of a box or of a photo's camera or time. camera_key 0: no camera;
-- day '': no time; hour -1: no hour.
CREATE TABLE `activity_days` (`camera_key` integer NOT NULL, `day` text NOT NULL, `n` integer NOT NULL, PRIMARY KEY (`camera_key`, `day`)) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `activity_hours` (`camera_key` integer NOT NULL, `hour` integer NOT NULL, `n` integer NOT NULL, PRIMARY KEY (`camera_key`, `hour`)) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO activity_days (camera_key, day, n) SELECT ifnull(i.camera_id, 0), ifnull(substr(i.taken_at, 1, 10), ''), count(*) FROM detections d JOIN images i ON i.id = d.image_id WHERE d.category = 'animal' AND NOT d.duplicate AND NOT d.false_positive GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO activity_hours (camera_key, hour, n) SELECT ifnull(i.camera_id, 0), CASE WHEN length(i.taken_at) >= 13 THEN CAST(substr(i.taken_at, 12, 2) AS INTEGER) ELSE -1 END, count(*) FROM detections d JOIN images i ON i.id = d.image_id WHERE d.category = 'animal' AND NOT d.duplicate AND NOT d.false_positive GROUP BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER `activity_detection_insert` AFTER INSERT ON `detections`
  WHEN NEW.category = 'animal' AND NOT NEW.duplicate AND NOT NEW.false_positive
BEGIN
  INSERT INTO activity_days (camera_key, day, n) SELECT ifnull(i.camera_id, 0), ifnull(substr(i.taken_at, 1, 10), ''), 1 FROM images i WHERE i.id = NEW.image_id ON CONFLICT (camera_key, day) DO UPDATE SET n = n + excluded.n;
  INSERT INTO activity_hours (camera_key, hour, n) SELECT ifnull(i.camera_id, 0), CASE WHEN length(i.taken_at) >= 13 THEN CAST(substr(i.taken_at, 12, 2) AS INTEGER) ELSE -1 END, 1 FROM images i WHERE i.id = NEW.image_id ON CONFLICT (camera_key, hour) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `activity_detection_delete` AFTER DELETE ON `detections`
  WHEN OLD.category = 'animal' AND NOT OLD.duplicate AND NOT OLD.false_positive
BEGIN
  INSERT INTO activity_days (camera_key, day, n) SELECT ifnull(i.camera_id, 0), ifnull(substr(i.taken_at, 1, 10), ''), -1 FROM images i WHERE i.id = OLD.image_id ON CONFLICT (camera_key, day) DO UPDATE SET n = n + excluded.n;
  INSERT INTO activity_hours (camera_key, hour, n) SELECT ifnull(i.camera_id, 0), CASE WHEN length(i.taken_at) >= 13 THEN CAST(substr(i.taken_at, 12, 2) AS INTEGER) ELSE -1 END, -1 FROM images i WHERE i.id = OLD.image_id ON CONFLICT (camera_key, hour) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `activity_detection_update` AFTER UPDATE OF `image_id`, `category`, `duplicate`, `false_positive` ON `detections`
BEGIN
  INSERT INTO activity_days (camera_key, day, n) SELECT ifnull(i.camera_id, 0), ifnull(substr(i.taken_at, 1, 10), ''), -1 FROM images i WHERE i.id = OLD.image_id AND OLD.category = 'animal' AND NOT OLD.duplicate AND NOT OLD.false_positive ON CONFLICT (camera_key, day) DO UPDATE SET n = n + excluded.n;
  INSERT INTO activity_hours (camera_key, hour, n) SELECT ifnull(i.camera_id, 0), CASE WHEN length(i.taken_at) >= 13 THEN CAST(substr(i.taken_at, 12, 2) AS INTEGER) ELSE -1 END, -1 FROM images i WHERE i.id = OLD.image_id AND OLD.category = 'animal' AND NOT OLD.duplicate AND NOT OLD.false_positive ON CONFLICT (camera_key, hour) DO UPDATE SET n = n + excluded.n;
  INSERT INTO activity_days (camera_key, day, n) SELECT ifnull(i.camera_id, 0), ifnull(substr(i.taken_at, 1, 10), ''), 1 FROM images i WHERE i.id = NEW.image_id AND NEW.category = 'animal' AND NOT NEW.duplicate AND NOT NEW.false_positive ON CONFLICT (camera_key, day) DO UPDATE SET n = n + excluded.n;
  INSERT INTO activity_hours (camera_key, hour, n) SELECT ifnull(i.camera_id, 0), CASE WHEN length(i.taken_at) >= 13 THEN CAST(substr(i.taken_at, 12, 2) AS INTEGER) ELSE -1 END, 1 FROM images i WHERE i.id = NEW.image_id AND NEW.category = 'animal' AND NOT NEW.duplicate AND NOT NEW.false_positive ON CONFLICT (camera_key, hour) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `activity_image_update` AFTER UPDATE OF `camera_id`, `taken_at` ON `images`
  WHEN OLD.camera_id IS NOT NEW.camera_id OR OLD.taken_at IS NOT NEW.taken_at
BEGIN
  INSERT INTO activity_days (camera_key, day, n) SELECT ifnull(OLD.camera_id, 0), ifnull(substr(OLD.taken_at, 1, 10), ''), -count(*) FROM detections d WHERE d.image_id = OLD.id AND d.category = 'animal' AND NOT d.duplicate AND NOT d.false_positive HAVING count(*) > 0 ON CONFLICT (camera_key, day) DO UPDATE SET n = n + excluded.n;
  INSERT INTO activity_hours (camera_key, hour, n) SELECT ifnull(OLD.camera_id, 0), CASE WHEN length(OLD.taken_at) >= 13 THEN CAST(substr(OLD.taken_at, 12, 2) AS INTEGER) ELSE -1 END, -count(*) FROM detections d WHERE d.image_id = OLD.id AND d.category = 'animal' AND NOT d.duplicate AND NOT d.false_positive HAVING count(*) > 0 ON CONFLICT (camera_key, hour) DO UPDATE SET n = n + excluded.n;
  INSERT INTO activity_days (camera_key, day, n) SELECT ifnull(NEW.camera_id, 0), ifnull(substr(NEW.taken_at, 1, 10), ''), count(*) FROM detections d WHERE d.image_id = NEW.id AND d.category = 'animal' AND NOT d.duplicate AND NOT d.false_positive HAVING count(*) > 0 ON CONFLICT (camera_key, day) DO UPDATE SET n = n + excluded.n;
  INSERT INTO activity_hours (camera_key, hour, n) SELECT ifnull(NEW.camera_id, 0), CASE WHEN length(NEW.taken_at) >= 13 THEN CAST(substr(NEW.taken_at, 12, 2) AS INTEGER) ELSE -1 END, count(*) FROM detections d WHERE d.image_id = NEW.id AND d.category = 'animal' AND NOT d.duplicate AND NOT d.false_positive HAVING count(*) > 0 ON CONFLICT (camera_key, hour) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `activity_image_delete` BEFORE DELETE ON `images`
BEGIN
  INSERT INTO activity_days (camera_key, day, n) SELECT ifnull(OLD.camera_id, 0), ifnull(substr(OLD.taken_at, 1, 10), ''), -count(*) FROM detections d WHERE d.image_id = OLD.id AND d.category = 'animal' AND NOT d.duplicate AND NOT d.false_positive HAVING count(*) > 0 ON CONFLICT (camera_key, day) DO UPDATE SET n = n + excluded.n;
  INSERT INTO activity_hours (camera_key, hour, n) SELECT ifnull(OLD.camera_id, 0), CASE WHEN length(OLD.taken_at) >= 13 THEN CAST(substr(OLD.taken_at, 12, 2) AS INTEGER) ELSE -1 END, -count(*) FROM detections d WHERE d.image_id = OLD.id AND d.category = 'animal' AND NOT d.duplicate AND NOT d.false_positive HAVING count(*) > 0 ON CONFLICT (camera_key, hour) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
-- Photos per camera, for the same charts (the camera list's photo counts).
CREATE TABLE `activity_photos` (`camera_key` integer PRIMARY KEY NOT NULL, `n` integer NOT NULL);
--> statement-breakpoint
INSERT INTO activity_photos (camera_key, n) SELECT ifnull(camera_id, 0), count(*) FROM images GROUP BY 1;
--> statement-breakpoint
CREATE TRIGGER `activity_photo_insert` AFTER INSERT ON `images`
BEGIN
  INSERT INTO activity_photos (camera_key, n) VALUES (ifnull(NEW.camera_id, 0), 1) ON CONFLICT (camera_key) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `activity_photo_delete` AFTER DELETE ON `images`
BEGIN
  INSERT INTO activity_photos (camera_key, n) VALUES (ifnull(OLD.camera_id, 0), -1) ON CONFLICT (camera_key) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `activity_photo_update` AFTER UPDATE OF `camera_id` ON `images`
  WHEN OLD.camera_id IS NOT NEW.camera_id
BEGIN
  INSERT INTO activity_photos (camera_key, n) VALUES (ifnull(OLD.camera_id, 0), -1) ON CONFLICT (camera_key) DO UPDATE SET n = n + excluded.n;
  INSERT INTO activity_photos (camera_key, n) VALUES (ifnull(NEW.camera_id, 0), 1) ON CONFLICT (camera_key) DO UPDATE SET n = n + excluded.n;
END;
