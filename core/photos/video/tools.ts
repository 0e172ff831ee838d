// The ffmpeg and ffprobe binaries shipped inside npm packages (@ffmpeg-installer, @ffprobe-installer): no download at
// install time and no system ffmpeg needed. In a packaged app they lie beside the asar archive (asarUnpack).
import path from 'node:path';
import ffmpeg from '@ffmpeg-installer/ffmpeg';
import ffprobe from '@ffprobe-installer/ffprobe';

const unpacked = (file: string) => file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);

export const ffmpegPath = (): string => unpacked(ffmpeg.path);
export const ffprobePath = (): string => unpacked(ffprobe.path);
