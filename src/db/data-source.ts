import { DataSource, type Logger } from 'typeorm';
import { entities } from '../entities';
import { InitialSchema1733300000000 } from './migrations/1733300000000-initial-schema';
import { AuditLog1733300000001 } from './migrations/1733300000001-audit-log';
import { AnalysisIndexes1733300000002 } from './migrations/1733300000002-analysis-indexes';
import { installPgTypeParsers } from './pg-types';

export interface DataSourceOptions {
  url: string;
  statementTimeoutMs?: number;
  poolSize?: number;
  /** Called with every SQL statement sent; for counting statements in tests and benchmarks. */
  onQuery?: (sql: string) => void;
  /** Told when an idle pooled connection fails, e.g. the server restarted; the pool drops it. */
  onPoolError?: (error: Error) => void;
}

export const migrations = [
  InitialSchema1733300000000,
  AuditLog1733300000001,
  AnalysisIndexes1733300000002,
];

/** The one TypeORM DataSource of a process. The schema changes only through migrations. */
export function createDataSource(options: DataSourceOptions): DataSource {
  installPgTypeParsers();
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    logging: options.onQuery ? ['query'] : false,
    logger: options.onQuery ? queryCounter(options.onQuery) : undefined,
    // Without a listener a failing idle client would crash the process; TypeORM's own
    // listener only logs when query logging is on, so the caller may pass one that logs.
    poolErrorHandler: options.onPoolError,
    extra: {
      max: options.poolSize ?? 10,
      application_name: 'certscope',
      statement_timeout: options.statementTimeoutMs ?? 10_000,
      connectionTimeoutMillis: 5_000,
      // Notices a peer that vanished without closing (a dead host, a dropped route) on an
      // otherwise idle connection, instead of waiting on it forever.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    },
  });
}

function queryCounter(onQuery: (sql: string) => void): Logger {
  const ignore = () => undefined;
  return {
    logQuery: (sql) => onQuery(sql),
    logQueryError: ignore,
    logQuerySlow: ignore,
    logSchemaBuild: ignore,
    logMigration: ignore,
    log: ignore,
  };
}
