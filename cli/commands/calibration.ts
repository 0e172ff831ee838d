import { calibration, setAutoAccept } from '../../core/calibration';
import { inTransaction } from '../../core/db/open';
import { table } from '../humanText';
import { jsonOption, libraryOption, printJson, waitOption, UsageError, type Command, withLibrary } from '../command';

export const calibrationCommand: Command = {
  name: 'calibration',
  summary: 'accepted vs rejected score distributions and the proposed auto-accept threshold; switch auto-accept on/off',
  usage: 'thumper calibration --library <dir> [--auto-accept on|off] [--threshold <score>] [--json]',
  options: {
    ...libraryOption,
    ...jsonOption,
    ...waitOption,
    'auto-accept': { type: 'string' },
    threshold: { type: 'string' },
  },
  async run(args) {
    const switchTo = args.values['auto-accept'];
    if (switchTo !== undefined && switchTo !== 'on' && switchTo !== 'off')
      throw new UsageError('--auto-accept takes on or off');
    const threshold = typeof args.values.threshold === 'string' ? Number(args.values.threshold) : undefined;
    if (threshold !== undefined && (!Number.isFinite(threshold) || switchTo !== 'on'))
      throw new UsageError('--threshold <score> goes with --auto-accept on');
    return withLibrary(
      args,
      (library) => {
        const db = library.db;
        const report =
          switchTo === undefined
            ? calibration(db)
            : inTransaction(db, () => setAutoAccept(db, switchTo === 'on', threshold));
        if (args.values.json) printJson(report);
        else {
          const p = report.proposal;
          process.stdout.write(
            `embedder ${report.embedder}: ${report.accepted} accepted, ${report.rejected} rejected\n`,
          );
          process.stdout.write(
            p
              ? `proposed threshold ${p.threshold} (precision ${(p.precision * 100).toFixed(1)}%, would auto-accept ${(p.recall * 100).toFixed(0)}% of accepted pairs)\n`
              : `no proposal: ${report.waitingFor}\n`,
          );
          const bins = report.histogram.filter((b) => b.accepted + b.rejected > 0);
          if (bins.length > 0)
            process.stdout.write(
              `${table([
                ['score', 'accepted', 'rejected'],
                ...bins.map((b) => [
                  `${b.from.toFixed(2)} to ${b.to.toFixed(2)}`,
                  String(b.accepted),
                  String(b.rejected),
                ]),
              ])}\n`,
            );
          process.stdout.write(`auto-accept ${report.autoAccept ? `on at ${report.autoAcceptThreshold}` : 'off'}\n`);
        }
        return 0;
      },
      switchTo === undefined ? {} : { writer: 'thumper calibration' },
    );
  },
};
