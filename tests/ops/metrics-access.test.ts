import { describe, expect, it } from 'vitest';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { Metrics } from '../../src/services/metrics';

/** Calls the /metrics handler with a request from `address` carrying `authorization`. */
async function scrape(token: string | null, address: string, authorization?: string) {
  // The gauges read the pool's counters only when scraped; no query is made.
  const pool = { totalCount: 0, idleCount: 0, waitingCount: 0 };
  const metrics = new Metrics({ driver: { master: pool } } as unknown as DataSource);
  let status = 200;
  let body = '';
  const res = {
    status(code: number) {
      status = code;
      return res;
    },
    type: () => res,
    setHeader: () => res,
    send(text: string) {
      body = text;
      return res;
    },
  } as unknown as Response;
  const req = { headers: { authorization }, socket: { remoteAddress: address } } as Request;
  await metrics.handler(token)(req, res, () => undefined);
  return { status, body };
}

describe('who may read /metrics', () => {
  it('serves loopback clients when no token is configured, and no one else', async () => {
    expect((await scrape(null, '127.0.0.1')).status).toBe(200);
    expect((await scrape(null, '::1')).status).toBe(200);
    expect((await scrape(null, '10.1.2.3')).status).toBe(403);
  });

  it('requires the token when one is configured, wherever the client is', async () => {
    expect((await scrape('s3cret', '127.0.0.1')).status).toBe(403);
    expect((await scrape('s3cret', '10.1.2.3', 'Bearer wrong')).status).toBe(403);
    const ok = await scrape('s3cret', '10.1.2.3', 'Bearer s3cret');
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('# HELP');
  });
});
