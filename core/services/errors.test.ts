import { describe, expect, it } from 'vitest';
import { ApiError } from '../contract';
import { EditConflictError } from '../edits/journal';
import { IndividualsError } from '../individuals/errors';
import { JobConflictError } from '../jobs/supervisor';
import { toApiError } from './errors';

describe('toApiError', () => {
  it('classifies errors by their class', () => {
    expect(toApiError(new EditConflictError('changed since')).code).toBe('conflict');
    expect(toApiError(new IndividualsError('two deer in one photo')).code).toBe('invalid_args');
    expect(toApiError(new JobConflictError('an import is running')).code).toBe('conflict');
    expect(toApiError(new Error('boom'))).toMatchObject({ code: 'internal', message: 'boom' });
  });

  it('is not fooled by a class that merely shares a name', () => {
    const lookalike = new (class EditConflictError extends IndividualsError {})('same name, other class');
    expect(toApiError(lookalike).code).toBe('invalid_args');
  });

  it('passes an ApiError through unchanged', () => {
    const e = new ApiError('not_found', 'no such photo');
    expect(toApiError(e)).toBe(e);
  });
});
