import 'reflect-metadata';
import path from 'node:path';
import { loadConfig } from './config';
import { createDataSource } from './db/data-source';
import { ensureDatabase, redactUrl } from './db/database-url';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded';
import { prepareDatabase } from './db/prepare-database';
import { logger } from './logger';
import { loadAuthSettings } from './services/auth.service';
import { startServer } from './server';

/** The demo organization's dates are laid out around this day, so its answers are stable. */
const DEMO_AS_OF = '2026-12-01';
const DEMO_EMPLOYEES = 60;
/**
 * Longest a shutdown may take: Apollo's drain gives requests in flight 10 s, then the pool and
 * PostgreSQL close. Past it the process exits anyway, with 1, rather than hang until killed.
 */
const SHUTDOWN_DEADLINE_MS = 25_000;

async function main(): Promise<void> {
  const config = loadConfig();
  // Fails before anything starts when production lacks a signing key.
  const auth = loadAuthSettings(process.env, config.stateDir);
  if (auth.development) {
    logger.warn(
      { keyFile: path.join(config.stateDir, 'dev-jwt-secret') },
      'using the development signing key; print tokens with npm run token',
    );
  }

  let embedded: EmbeddedDatabase | null = null;
  let url: string;
  if (config.databaseUrl) {
    url = config.databaseUrl;
    logger.info({ database: redactUrl(url) }, 'using the PostgreSQL server from DATABASE_URL');
  } else {
    logger.info({ dataDir: config.dataDir }, 'starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPort,
      persistent: true,
    });
    url = await ensureDatabase(embedded.url, 'certscope');
    logger.info({ database: redactUrl(url), dataDir: config.dataDir }, 'embedded PostgreSQL ready');
  }

  const db = createDataSource({
    url,
    statementTimeoutMs: config.statementTimeoutMs,
    onPoolError: (error) =>
      logger.warn({ err: error }, 'an idle database connection failed; the pool replaces it'),
  });
  await db.initialize();
  const prepared = await prepareDatabase(db, {
    demoEmployees: config.seedDemo ? DEMO_EMPLOYEES : 0,
    demoAsOf: DEMO_AS_OF,
    log: (message) => logger.info(message),
  });
  logger.info(prepared, 'database ready');

  const server = await startServer({
    db,
    port: config.port,
    host: config.host,
    timeZone: config.timeZone,
    auth,
    introspection: config.introspection,
    logError: (error) => logger.error({ err: error }, 'request failed'),
    requestLogger: logger,
  });
  logger.info({ url: server.url }, `certscope is listening on ${server.url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // A step can hang: an embedded PostgreSQL that died never reports its exit.
    setTimeout(() => {
      logger.error({ deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    try {
      await server.close();
      await db.destroy();
      if (embedded) await embedded.stop();
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'certscope failed to start');
  process.exit(1);
});
