import type { DataSource } from 'typeorm';
import { seedCatalog } from '../../seeds/catalog/seed-catalog';
import { seedOrganization } from '../../seeds/organization/seed-organization';

/** Any fixed number, shared by every certscope process that migrates this database. */
const MIGRATION_LOCK_KEY = 72_246_104;

export interface PrepareOptions {
  /** People in the demo organization seeded after the catalog; 0 seeds the catalog only. */
  demoEmployees: number;
  demoAsOf: string;
  log: (message: string) => void;
}

export interface PrepareResult {
  migrations: string[];
  seeded: boolean;
}

/**
 * Migrates, then seeds the catalog (and the demo organization) into an empty database. An advisory lock makes processes that start
 * together on one database take turns, so each step runs exactly once.
 */
export async function prepareDatabase(
  dataSource: DataSource,
  options: PrepareOptions,
): Promise<PrepareResult> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const migrations = applied.map((migration) => migration.name);
    const [{ count }] = await runner.query('SELECT count(*)::int AS count FROM certification');
    if (count > 0) return { migrations, seeded: false };

    await runner.startTransaction();
    try {
      const catalog = await seedCatalog(runner);
      options.log(`seeded the catalog: ${JSON.stringify(catalog)}`);
      if (options.demoEmployees > 0) {
        const org = await seedOrganization(runner, {
          employees: options.demoEmployees,
          asOf: options.demoAsOf,
        });
        options.log(
          `seeded the demo organization as of ${options.demoAsOf}: ${JSON.stringify(org)}`,
        );
      }
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
    return { migrations, seeded: true };
  } finally {
    await runner
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
      .catch(() => undefined);
    await runner.release();
  }
}
