import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { createDataSource } from '../../src/db/data-source';
import { ensureDatabase } from '../../src/db/database-url';

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  query(sql: string, params?: unknown[]): Promise<any[]>;
  /** How many SQL statements have gone through this data source so far. */
  statements(): number;
  drop(): Promise<void>;
}

/** A fresh, migrated, empty database of its own for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const name = `certscope_test_${randomBytes(6).toString('hex')}`;
  const url = await ensureDatabase(adminUrl, name);
  let statements = 0;
  const dataSource = createDataSource({ url, poolSize: 4, onQuery: () => (statements += 1) });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });

  return {
    url,
    dataSource,
    query: (sql, params) => dataSource.query(sql, params),
    statements: () => statements,
    async drop() {
      await dataSource.destroy();
      await dropDatabase(adminUrl, name);
    },
  };
}

/** Drops `name` on the server behind `adminUrl`, ending any connection still open to it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  await admin.end();
}
