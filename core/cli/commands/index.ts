import type { Command } from '../command';
import { imagesCommand } from './images';
import { importCommand } from './import';
import { importDetectionsCommand } from './importDetections';
import { modelsCommand } from './models';
import { serveCommand } from './serve';
import { statsCommand } from './stats';

export const COMMANDS: Command[] = [importCommand, imagesCommand, statsCommand, modelsCommand, importDetectionsCommand, serveCommand];
