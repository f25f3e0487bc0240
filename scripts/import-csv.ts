/**
 * Imports an HR export (teams, employees or held certifications) into the database the
 * service uses: DATABASE_URL, or the embedded PostgreSQL of a running `npm start`.
 *
 *   npm run import -- --kind employees --file people.csv [--date-format DD/MM/YYYY]
 *                     [--dry-run] [--mode all-or-nothing|apply-valid] [--actor you@example.com]
 *
 * Prints one line per failed row and a summary; exits 1 when any row failed, 2 when the file
 * could not be imported at all.
 */
import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { AppError } from '../src/schema/errors';
import { today } from '../src/services/calendar';
import {
  CLI_LIMITS,
  importCsv,
  ImportKind,
  ImportMode,
  type ImportActor,
  type ImportPhase,
  type ImportReport,
} from '../src/services/csv-import';
import { checkReadiness } from '../src/services/readiness';
import { serviceDatabaseUrl } from './service-database';

const KINDS: Record<string, ImportKind> = {
  teams: ImportKind.TEAMS,
  employees: ImportKind.EMPLOYEES,
  'held-certifications': ImportKind.HELD_CERTIFICATIONS,
};
const MODES: Record<string, ImportMode> = {
  'all-or-nothing': ImportMode.ALL_OR_NOTHING,
  'apply-valid': ImportMode.APPLY_VALID,
};
/** Below this many rows a bar would only flicker. */
const BAR_FROM_ROWS = 2_000;
const SHOWN_ERRORS = 100;

class UsageError extends Error {}

function choice<T>(name: string, value: string | undefined, options: Record<string, T>): T {
  const found = value === undefined ? undefined : options[value];
  if (found === undefined) {
    throw new UsageError(
      `--${name} must be one of ${Object.keys(options).join(', ')}, got ${value}`,
    );
  }
  return found;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      kind: { type: 'string' },
      file: { type: 'string' },
      'date-format': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      mode: { type: 'string', default: 'all-or-nothing' },
      actor: { type: 'string' },
    },
  });
  const kind = choice('kind', values.kind, KINDS);
  const mode = choice('mode', values.mode, MODES);
  if (!values.file) throw new UsageError('--file <path to a .csv file> is required');
  const csv = await readFile(values.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${values.file}: ${error.code ?? error.message}`);
  });

  const config = loadConfig();
  const url = serviceDatabaseUrl(config);
  const db = createDataSource({ url, poolSize: 2, statementTimeoutMs: 0 });
  await db.initialize().catch((error: Error) => {
    throw new UsageError(`cannot reach the database (${error.message}); is the service running?`);
  });
  try {
    const readiness = await checkReadiness(db);
    if (!readiness.ready) throw new UsageError(`the database is not ready: ${readiness.reason}`);
    const started = process.hrtime.bigint();
    const bar = progressBar();
    const report = await importCsv(db, {
      kind,
      csv,
      mode,
      dryRun: values['dry-run'],
      dateFormat: values['date-format'],
      actor: await actor(db, values.actor),
      today: today(config.timeZone),
      limits: CLI_LIMITS,
      onProgress: bar.update,
    }).finally(bar.stop);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    printReport(report, seconds);
    return report.failed > 0 ? 1 : 0;
  } finally {
    await db.destroy();
  }
}

/**
 * The audit log names who changed what. `--actor` names the person running the import;
 * without it the entries carry employee id 0 and the role CLI.
 */
async function actor(db: DataSource, email: string | undefined): Promise<ImportActor> {
  if (email === undefined) return { employeeId: 0, role: 'CLI' };
  const [row]: Array<{ id: number }> = await db.query('SELECT id FROM employee WHERE email = $1', [
    email.trim().toLowerCase(),
  ]);
  if (!row) throw new UsageError(`--actor: no employee has the email ${email}`);
  return { employeeId: row.id, role: 'CLI' };
}

/** A bar on stderr per phase (checking rows, then writing them), for large files only. */
function progressBar() {
  let bar: SingleBar | null = null;
  let phase: ImportPhase | null = null;
  return {
    update: (next: ImportPhase, done: number, total: number) => {
      if (total < BAR_FROM_ROWS) return;
      if (phase !== next) {
        bar?.stop();
        phase = next;
        bar = new SingleBar(
          { stream: process.stderr, format: `${next.padEnd(5)} [{bar}] {value}/{total} rows` },
          Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar?.update(done);
    },
    stop: () => bar?.stop(),
  };
}

function printReport(report: ImportReport, seconds: number): void {
  const out = process.stdout;
  const errors = report.rows.filter((row) => row.action === 'ERROR');
  for (const row of errors.slice(0, SHOWN_ERRORS)) out.write(`line ${row.line}: ${row.reason}\n`);
  if (errors.length > SHOWN_ERRORS) out.write(`... and ${errors.length - SHOWN_ERRORS} more\n`);
  if (report.ignoredColumns.length > 0) {
    out.write(`ignored columns: ${report.ignoredColumns.join(', ')}\n`);
  }
  const outcome = report.dryRun
    ? 'dry run: nothing written'
    : report.applied
      ? 'written'
      : report.failed > 0 && report.mode === ImportMode.ALL_OR_NOTHING
        ? 'nothing written (ALL_OR_NOTHING and rows failed)'
        : 'nothing to write';
  out.write(
    `${report.kind.toLowerCase()}: ${report.rowCount} rows: ${report.created} created, ` +
      `${report.updated} updated, ${report.unchanged} unchanged, ${report.failed} failed; ` +
      `${outcome} (${seconds.toFixed(1)} s)\n`,
  );
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof AppError;
    process.stderr.write(
      `${known ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(2);
  },
);
