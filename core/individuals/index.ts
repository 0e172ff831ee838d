// Individual operations shared by the re-identification pipeline and user edits. None opens a transaction: wrap
// calls in inTransaction (core/db/open) so a broken rule rolls the whole change back.
export { assignTracklets, createIndividual, getIndividual, type CreateOptions } from './assign';
export { individualEmbedding, refreshDerived } from './derived';
export { decodeVector, encodeVector, meanOfNormalised } from './embedding';
export { IndividualsError } from './errors';
export { assertOnePerPhoto, memberTracklets } from './members';
export { mergeIndividuals } from './merge';
export { provisionalName } from './names';
export { pruneEmptyIndividuals, pruneEmptyTracklets } from './prune';
export { detachDetections, splitDetections, type SplitResult } from './split';
