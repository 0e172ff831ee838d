-- A clip's frames per second: MegaDetector's video convention numbers each frame by its time at this rate.
ALTER TABLE `images` ADD `frame_rate` real;
