import { isLoopback } from '../../server/security';
import { startServer } from '../../server/server';
import { jsonOption, libraryOption, printJson, UsageError, waitOption, withLibrary, type Command } from '../command';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the app in a browser: serves the interface and the API with a per-run token',
  usage: 'thumper serve --library <dir> [--port N] [--host 127.0.0.1] [--allow-remote] [--create] [--wait] [--json]',
  options: {
    ...libraryOption,
    ...jsonOption,
    ...waitOption,
    create: { type: 'boolean' },
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    /** Binding to anything but loopback shows the library to the network: it must be asked for. */
    'allow-remote': { type: 'boolean' },
  },
  async run(args) {
    const port = Number(args.values.port ?? 0);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be a number from 0 to 65535, not "${args.values.port}"`);
    const host = (args.values.host as string | undefined) ?? '127.0.0.1';
    if (!isLoopback(host) && !args.values['allow-remote']) {
      throw new UsageError(
        `--host ${host} would show the library to the network: add --allow-remote to do it on purpose`,
      );
    }
    return withLibrary(
      args,
      async (library) => {
        const server = await startServer({
          library,
          port,
          host,
          allowRemote: !!args.values['allow-remote'],
        });
        if (args.values['allow-remote']) {
          process.stderr.write(
            `thumper serve: listening on ${server.host}, reachable from the network; anyone with the URL below has full access\n`,
          );
        }
        if (args.values.json) printJson({ url: server.url, appUrl: server.appUrl, token: server.token });
        else process.stdout.write(`${server.appUrl}\n`);
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await server.close();
        return 0;
      },
      { create: !!args.values.create, writer: 'thumper serve' },
    );
  },
};
