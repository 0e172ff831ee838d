// Validation at the boundary: every host runs a call through here before the implementation sees it.
import { z } from 'zod';
import { ApiError } from './errors';
import { isMethodName, METHODS, type MethodName, type ParsedArgs } from './methods';

export function parseArgs<M extends MethodName>(method: M, args: unknown): ParsedArgs<M> {
  const parsed = METHODS[method].args.safeParse(args);
  if (!parsed.success) {
    throw new ApiError('invalid_args', `${method}: ${z.prettifyError(parsed.error)}`, parsed.error.issues);
  }
  return parsed.data as ParsedArgs<M>;
}

export function requireMethod(name: unknown): MethodName {
  if (!isMethodName(name)) throw new ApiError('unknown_method', `unknown method ${JSON.stringify(name)}`);
  return name;
}
