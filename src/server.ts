import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { DataSource } from 'typeorm';
import { mountIde } from './ide';
import { buildCertscopeSchema } from './schema/build-schema';
import type { Context } from './schema/context';
import { createContext } from './schema/create-context';
import { createErrorFormatter } from './schema/format-error';
import { today } from './services/calendar';
import { Authenticator, type AuthSettings } from './services/auth.service';

export interface ServerOptions {
  db: DataSource;
  port: number;
  host: string;
  timeZone: string;
  auth: AuthSettings;
  /** Pins "today" (the default asOf) instead of reading the clock; tests use it. */
  fixedToday?: string;
  logError: (error: unknown) => void;
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
  const apollo = new ApolloServer<Context>({
    schema: await buildCertscopeSchema(),
    formatError: createErrorFormatter(options.logError),
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  mountIde(app);
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: ({ req }) =>
        createContext(
          options.db,
          authenticator,
          req.headers.authorization,
          options.fixedToday ?? today(options.timeZone),
        ),
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}/graphql`,
    port,
    close: () => apollo.stop(),
  };
}
