/**
 * Writes a report as CSV from the database the service uses (DATABASE_URL, or the embedded
 * PostgreSQL of a running `npm start`), for the whole organization: whoever can run this
 * can read the database anyway.
 *
 *   npm run export -- --report coverage|gaps --team-id 3 [--as-of 2026-12-01] [--team-only]
 *   npm run export -- --report renewal-exposure [--team-id 3] [--horizon-days 180]
 *   ... [--out file.csv]   (stdout without it)
 */
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { AppError } from '../src/schema/errors';
import { Role } from '../src/services/auth.service';
import { today } from '../src/services/calendar';
import {
  EXPORT_REPORTS,
  exportTable,
  toCsv,
  type ExportReport,
} from '../src/services/csv-export.service';
import type { Scope } from '../src/services/scope';
import { serviceDatabaseUrl } from './service-database';

/** Everything, as an L&D administrator sees it; no employee is behind the command line. */
const EVERYTHING: Scope = {
  viewer: { employeeId: 0, role: Role.LND_ADMIN },
  ownTeamId: 0,
  people: 'ALL',
  teams: 'ALL',
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      report: { type: 'string' },
      'team-id': { type: 'string' },
      'as-of': { type: 'string' },
      'team-only': { type: 'boolean', default: false },
      'horizon-days': { type: 'string' },
      out: { type: 'string' },
    },
  });
  const report = values.report as ExportReport;
  if (!EXPORT_REPORTS.includes(report)) {
    throw new Error(`--report must be one of ${EXPORT_REPORTS.join(', ')}, got ${values.report}`);
  }
  const config = loadConfig();
  const url = serviceDatabaseUrl(config);
  const db = createDataSource({ url, poolSize: 2 });
  await db.initialize().catch((error: Error) => {
    throw new Error(`cannot reach the database (${error.message}); is the service running?`);
  });
  try {
    const table = await exportTable(db, EVERYTHING, today(config.timeZone), report, {
      teamId: values['team-id'],
      asOf: values['as-of'],
      teamOnly: String(values['team-only']),
      horizonDays: values['horizon-days'],
    });
    const csv = toCsv(table);
    if (values.out) {
      await writeFile(values.out, csv);
      process.stderr.write(`wrote ${table.rows.length} rows to ${values.out}\n`);
    } else {
      process.stdout.write(csv);
    }
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof AppError || error instanceof Error;
  process.stderr.write(`${known ? error.message : String(error)}\n`);
  process.exit(1);
});
