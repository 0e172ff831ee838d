import type { Command } from '../command';
import { imagesCommand } from './images';
import { importCommand } from './import';
import { individualsCommand } from './individuals';
import { exportCommand } from './export';
import { importDetectionsCommand } from './importDetections';
import { modelsCommand } from './models';
import { processCommand } from './process';
import { serveCommand } from './serve';
import { sequencesCommand } from './sequences';
import { statsCommand } from './stats';
import { surveyCommand } from './survey';
import { calibrationCommand } from './calibration';
import { checkCommand } from './check';
import { camerasCommand } from './cameras';
import { renameCommand } from './rename';
import { mergeCommand } from './merge';
import { reviewCommand } from './review';
import { splitCommand } from './split';
import { redoCommand, undoCommand } from './undo';
import { suggestionsCommand } from './suggestions';
import { traitsCommand } from './traits';

export const COMMANDS: Command[] = [
  importCommand,
  imagesCommand,
  statsCommand,
  sequencesCommand,
  individualsCommand,
  suggestionsCommand,
  processCommand,
  exportCommand,
  modelsCommand,
  importDetectionsCommand,
  serveCommand,
  mergeCommand,
  splitCommand,
  reviewCommand,
  undoCommand,
  redoCommand,
  calibrationCommand,
  traitsCommand,
  surveyCommand,
  checkCommand,
  camerasCommand,
  renameCommand,
];
