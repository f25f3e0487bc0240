import type { Config } from '../src/config';
import { withDatabase } from '../src/db/database-url';
import { embeddedServerUrl } from '../src/db/embedded';

/**
 * The database the running service uses: DATABASE_URL, or the certscope database on the
 * embedded PostgreSQL that `npm start` runs.
 */
export function serviceDatabaseUrl(config: Config): string {
  return config.databaseUrl ?? withDatabase(embeddedServerUrl(config.embeddedPort), 'certscope');
}
