import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { getOperationAST } from 'graphql';
import type { Logger } from 'pino';

/** What one HTTP request did, gathered while it runs and logged once it has been answered. */
export interface RequestRecord {
  id: string;
  method: string;
  /** The path without its query string: a GET query string can carry variables. */
  path: string;
  status: number;
  durationMs: number;
  /** Set when the request reached GraphQL; null for an anonymous operation. */
  operationName: string | null;
  graphql: boolean;
  /** The distinct `extensions.code` of the errors sent, or HTTP_<status> for a bare 4xx/5xx. */
  errorCodes: string[];
  outcome: 'ok' | 'error';
}

type Pending = Omit<RequestRecord, 'status' | 'durationMs' | 'outcome'> & { started: bigint };

const REQUEST_ID_HEADER = 'x-request-id';
// An incoming id is echoed into headers and logs, so only a short, plain token is honoured.
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;
// Probes and scrapes arrive every few seconds; logging them at info would drown the rest.
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

const current = new AsyncLocalStorage<Pending>();

/** The request id: the caller's `x-request-id` when it is a plain token, else a new UUID. */
export function requestId(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value !== undefined && ACCEPTED_ID.test(value) ? value : randomUUID();
}

/**
 * Express middleware, mounted first: gives each request an id (echoed in `x-request-id`),
 * and once the response is sent logs one JSON line and hands the record to `observe`.
 * The line holds no personal data: no variables, no query text, no names, no addresses.
 */
export function trackRequests(options: {
  logger?: Logger;
  observe?: (record: RequestRecord) => void;
}): RequestHandler {
  return (req, res, next) => {
    const pending: Pending = {
      id: requestId(req.headers[REQUEST_ID_HEADER]),
      method: req.method,
      path: req.originalUrl.split('?', 1)[0] ?? '/',
      operationName: null,
      graphql: false,
      errorCodes: [],
      started: process.hrtime.bigint(),
    };
    res.setHeader(REQUEST_ID_HEADER, pending.id);
    res.on('finish', () => {
      const record = finish(pending, res.statusCode);
      options.observe?.(record);
      if (!options.logger) return;
      const { id, ...fields } = record;
      const level = QUIET_PATHS.has(record.path) && record.outcome === 'ok' ? 'debug' : 'info';
      options.logger[level]({ requestId: id, ...fields }, 'request');
    });
    current.run(pending, next);
  };
}

function finish(pending: Pending, status: number): RequestRecord {
  const { started, ...rest } = pending;
  const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
  const errorCodes =
    rest.errorCodes.length === 0 && status >= 400 ? [`HTTP_${status}`] : rest.errorCodes;
  return {
    ...rest,
    status,
    durationMs: Math.round(durationMs * 10) / 10,
    errorCodes,
    outcome: errorCodes.length === 0 ? 'ok' : 'error',
  };
}

/** Apollo plugin: tells the request's record its operation name and the codes of its errors. */
export function requestLogPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const pending = current.getStore();
      if (!pending) return;
      pending.graphql = true;
      return {
        async willSendResponse({ operationName, request, response, document }) {
          // A document that failed validation has no resolved operation; its name is still
          // worth having in the log.
          const named = document ? getOperationAST(document, request.operationName) : null;
          pending.operationName =
            operationName ?? request.operationName ?? named?.name?.value ?? null;
          if (response.body.kind !== 'single') return;
          const codes = (response.body.singleResult.errors ?? []).map((error) =>
            typeof error.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN',
          );
          pending.errorCodes = [...new Set(codes)];
        },
      };
    },
  };
}
