// User edits: one transaction each, journalled with before/after rows, undoable and redoable. Every function takes
// (db, args) and returns the contract's EditResult. Mistakes (a missing id, two deer of one photo) throw
// IndividualsError; an undo or redo blocked by later changes throws EditConflictError.
export { addBox, correctDetection, type DetectionCorrection, type HandDrawnBox } from './detectionEdits';
export {
  confirm,
  merge,
  rename,
  setCover,
  setNotes,
  setTraits,
  split,
  type SplitArgs,
  type Traits,
} from './individualEdits';
export { EditConflictError, editStatus, redo, undo, type EditResult } from './journal';
export { review, type Decision } from './review';
export { setSexAge, setSpecies, type SexAgeArgs } from './traitEdits';
