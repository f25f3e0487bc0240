import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { RequestRecord } from './request-log';

/** Operation names come from clients; past this many distinct ones they share one label. */
const MAX_OPERATION_LABELS = 200;
const MAX_CODE_LABELS = 50;
const OTHER = '(other)';
const ANONYMOUS = '(anonymous)';

/** The part of a pg Pool the gauges read. */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * Prometheus metrics of one server: GraphQL requests and latency per operation name,
 * errors per code, the database pool, and the process defaults. A registry of its own, so
 * two servers in one process (tests) do not share counters.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new BoundedLabels(MAX_OPERATION_LABELS);
  private readonly codes = new BoundedLabels(MAX_CODE_LABELS);

  private readonly requests = new Counter({
    name: 'certscope_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok or error).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly latency = new Histogram({
    name: 'certscope_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to sending its response, by operation name.',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly errors = new Counter({
    name: 'certscope_graphql_errors_total',
    help: 'GraphQL requests that failed, by error code (one count per code per request).',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  constructor(db: DataSource) {
    const pool = () => (db.driver as unknown as { master?: PoolCounts }).master;
    const gauge = (name: string, help: string, read: (counts: PoolCounts) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const counts = pool();
          this.set(counts ? read(counts) : 0);
        },
      });
    gauge('certscope_db_pool_connections', 'Connections the pool holds.', (p) => p.totalCount);
    gauge('certscope_db_pool_idle_connections', 'Connections open but unused.', (p) => p.idleCount);
    gauge(
      'certscope_db_pool_waiting_requests',
      'Queries waiting for a connection.',
      (p) => p.waitingCount,
    );
    collectDefaultMetrics({ register: this.registry, prefix: 'certscope_' });
  }

  /** Counts a finished request; only those that reached GraphQL are measured. */
  observe(record: RequestRecord): void {
    if (!record.graphql) return;
    const operation = this.operations.label(record.operationName ?? ANONYMOUS);
    this.requests.inc({ operation, outcome: record.outcome });
    this.latency.observe({ operation }, record.durationMs / 1000);
    for (const code of record.errorCodes) this.errors.inc({ code: this.codes.label(code) });
  }

  /** GET /metrics in the Prometheus text format. */
  /**
   * Serves the metrics to the scraper. With METRICS_TOKEN set, only to a request bearing it;
   * without, only to this machine (loopback), since the figures describe the deployment.
   */
  handler(token: string | null = process.env.METRICS_TOKEN || null): RequestHandler {
    return async (req, res) => {
      const allowed = token
        ? req.headers.authorization === `Bearer ${token}`
        : LOOPBACK.has(req.socket.remoteAddress ?? '');
      if (!allowed) {
        res.status(403).type('text/plain').send('metrics are not served to this client\n');
        return;
      }
      res.setHeader('content-type', this.registry.contentType);
      res.send(await this.registry.metrics());
    };
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Keeps the first `max` distinct values as labels and folds the rest into "(other)". */
class BoundedLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly max: number) {}

  label(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max) return OTHER;
    this.seen.add(value);
    return value;
  }
}
