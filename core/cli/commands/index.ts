import type { Command } from '../command';
import { imagesCommand } from './images';
import { importCommand } from './import';
import { statsCommand } from './stats';

export const COMMANDS: Command[] = [importCommand, imagesCommand, statsCommand];
