// Errors that cross the API boundary. A code the renderer can switch on, and a message a person can read.
import { z } from 'zod';

export const API_ERROR_CODES = [
  /** The arguments do not match the method's schema; `details` holds the issues. */
  'invalid_args',
  /** The method or event name is not in the contract. */
  'unknown_method',
  'not_found',
  /** Exists, but not in this host (a folder picker in serve mode). */
  'not_supported',
  /** The request conflicts with the current state (an import is already running). */
  'conflict',
  'unauthorized',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const apiErrorSchema = z.object({
  code: z.enum(API_ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ApiErrorData = z.infer<typeof apiErrorSchema>;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  toJSON(): ApiErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static from(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.message, data.details);
  }
}
