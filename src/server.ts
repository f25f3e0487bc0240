import http from 'node:http';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { mountIde } from './ide';
import { buildCertscopeSchema } from './schema/build-schema';
import type { Context } from './schema/context';
import { createContext } from './schema/create-context';
import { createErrorFormatter } from './schema/format-error';
import { operationLimits } from './schema/limits';
import { jsonErrors, rejectInvalidUtf8 } from './schema/http-errors';
import { today } from './services/calendar';
import { Authenticator, type AuthSettings } from './services/auth.service';
import { csvExportRouter } from './services/csv-export.service';
import { Metrics } from './services/metrics';
import { closeOptimizerPool } from './services/optimizer-pool';
import { readinessHandler } from './services/readiness';
import { requestLogPlugin, trackRequests } from './services/request-log';

export interface ServerOptions {
  db: DataSource;
  port: number;
  host: string;
  timeZone: string;
  auth: AuthSettings;
  /** Whether the schema may be introspected; production sets it explicitly. */
  introspection: boolean;
  /** Pins "today" (the default asOf) instead of reading the clock; tests use it. */
  fixedToday?: string;
  logError: (error: unknown) => void;
  /** Where one JSON line per request goes; none without it (the tests). */
  requestLogger?: Logger;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the HTTP server: GraphQL at /graphql, the IDE for browsers, a liveness probe. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const authenticator = new Authenticator(options.auth);
  const app = express();
  const httpServer = http.createServer(app);
  const limits = operationLimits();
  const metrics = new Metrics(options.db);
  const currentDay = () => options.fixedToday ?? today(options.timeZone);
  const apollo = new ApolloServer<Context>({
    schema: await buildCertscopeSchema(),
    formatError: createErrorFormatter(options.logError),
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // main.ts owns shutdown (drain, pool, PostgreSQL, exit); Apollo must not race it.
    stopOnTerminationSignals: false,
    introspection: options.introspection,
    // Automatic persisted queries, in the bounded in-memory LRU cache (about 30 MiB).
    cache: 'bounded',
    persistedQueries: { ttl: 900 },
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: [
      ...limits.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No field sets cache hints; left on, the plugin would wrap every resolver.
      ApolloServerPluginCacheControlDisabled(),
      requestLogPlugin(),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use(trackRequests({ logger: options.requestLogger, observe: (r) => metrics.observe(r) }));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', readinessHandler(options.db));
  app.get('/metrics', metrics.handler());
  app.use('/export', csvExportRouter({ ...options, authenticator, today: currentDay }));
  mountIde(app);
  mountDashboard(app);
  app.use(
    '/graphql',
    express.json({ limit: '100kb', verify: rejectInvalidUtf8 }),
    expressMiddleware(apollo, {
      context: ({ req }) =>
        createContext(options.db, authenticator, req.headers.authorization, currentDay()),
    }),
  );

  app.use(jsonErrors(options.logError));

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}/graphql`,
    port,
    // Solves can outlast the drain's grace period: end them first (their requests are answered
    // BUSY at once), then let Apollo drain everything else.
    close: () => closeOptimizerPool().finally(() => apollo.stop()),
  };
}

/** The dashboard reads only /graphql on this origin; nothing else may load or run. */
const DASHBOARD_CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The L&D dashboard at /dashboard: the static files `npm run build:dashboard` writes to
 * dist/dashboard. This module runs as src/server.ts in tests and dist/src/server.js in
 * production, so the folder is found from either.
 */
function mountDashboard(app: express.Express): void {
  const parent = path.resolve(__dirname, '..');
  const dir =
    path.basename(parent) === 'dist'
      ? path.join(parent, 'dashboard')
      : path.join(parent, 'dist', 'dashboard');
  const index = path.join(dir, 'index.html');
  const notBuilt =
    'The dashboard is not built: run `npm run build:dashboard` (npm run build does it too).\n';
  app.get(['/dashboard', '/dashboard/index.html'], (_req, res) => {
    if (!existsSync(index)) {
      res.status(404).type('text').send(notBuilt);
      return;
    }
    res
      .set({ 'Cache-Control': 'no-cache', 'Content-Security-Policy': DASHBOARD_CSP })
      .sendFile(index);
  });
  // Every other file has a content hash in its name, so browsers may keep it for good.
  app.use('/dashboard', express.static(dir, { index: false, immutable: true, maxAge: '1y' }));
  app.use('/dashboard', (_req, res) => {
    res
      .status(404)
      .type('text')
      .send(existsSync(index) ? 'Not found.\n' : notBuilt);
  });
}
