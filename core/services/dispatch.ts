// The one entry for a call from any host: method name checked, arguments validated against the contract, handler
// run, and the outcome returned as a reply envelope. Adapters (IPC, WebSocket) do nothing else.
import { parseArgs, requireMethod, type MethodName, type MethodResult, type ParsedArgs, type Reply } from '../contract';
import { toApiError } from './errors';

export type Handlers = { [M in MethodName]: (args: ParsedArgs<M>) => MethodResult<M> | Promise<MethodResult<M>> };

export async function dispatch(handlers: Handlers, method: unknown, args: unknown): Promise<Reply> {
  try {
    const name = requireMethod(method);
    const parsed = parseArgs(name, args);
    const handler = handlers[name] as (a: unknown) => unknown;
    return { ok: true, result: await handler(parsed) };
  } catch (err) {
    const error = toApiError(err);
    if (error.code === 'internal')
      process.stderr.write(`thumper: ${String(method)} failed: ${(err as Error).stack ?? String(err)}\n`);
    return { ok: false, error: error.toJSON() };
  }
}
