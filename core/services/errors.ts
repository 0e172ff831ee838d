// Any error from core, as the ApiError the renderer sees: known failures keep their meaning, the rest are internal.
import { ApiError } from '../contract';
import { EditConflictError } from '../edits/journal';
import { IndividualsError } from '../individuals/errors';
import { JobConflictError, JobNotFoundError } from '../jobs/supervisor';
import { LibraryError } from '../library/library';
import { InvalidModelError } from '../models/inspection';
import { UnknownModelError } from '../models/catalog';

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof JobConflictError) return new ApiError('conflict', err.message);
  if (err instanceof JobNotFoundError) return new ApiError('not_found', err.message);
  if (err instanceof LibraryError) return new ApiError('not_found', err.message);
  if (err instanceof UnknownModelError) return new ApiError('not_found', err.message);
  if (err instanceof InvalidModelError) return new ApiError('invalid_args', err.message);
  // An undo or redo blocked by later changes; checked before its base class.
  if (err instanceof EditConflictError) return new ApiError('conflict', err.message);
  // core/individuals and core/edits report a user's mistake (missing id, impossible merge) with this; the message is
  // for the user.
  if (err instanceof IndividualsError) return new ApiError('invalid_args', err.message);
  return new ApiError('internal', (err as Error | undefined)?.message ?? String(err));
}
