import type { Command } from '../command';
import { imagesCommand } from './images';
import { importCommand } from './import';
import { exportCommand } from './export';
import { importDetectionsCommand } from './importDetections';
import { modelsCommand } from './models';
import { processCommand } from './process';
import { serveCommand } from './serve';
import { statsCommand } from './stats';

export const COMMANDS: Command[] = [importCommand, imagesCommand, statsCommand, processCommand, exportCommand, modelsCommand, importDetectionsCommand, serveCommand];
