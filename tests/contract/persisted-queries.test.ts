import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

const QUERY = 'query ProviderSlugs { providers { slug } }';
const HASH = createHash('sha256').update(QUERY).digest('hex');

describe('automatic persisted queries', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      prepare: async (db) => {
        await db.query(
          `INSERT INTO provider (slug, name) VALUES ('aws', 'AWS'), ('gcp', 'Google')`,
        );
      },
    });
  });
  afterAll(async () => server?.close());

  async function send(body: object): Promise<{ status: number; body: any }> {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  }

  const persisted = { persistedQuery: { version: 1, sha256Hash: HASH } };

  it('asks for the query, stores it under its hash, then answers from the hash alone', async () => {
    const miss = await send({ extensions: persisted });
    expect(miss.body.errors?.map((e: any) => e.extensions?.code)).toEqual([
      'PERSISTED_QUERY_NOT_FOUND',
    ]);
    expect(miss.body.data).toBeUndefined();

    const register = await send({ query: QUERY, extensions: persisted });
    expect(register.status).toBe(200);
    expect(register.body).toEqual({ data: { providers: [{ slug: 'aws' }, { slug: 'gcp' }] } });

    const hit = await send({ extensions: persisted });
    expect(hit.status).toBe(200);
    expect(hit.body).toEqual({ data: { providers: [{ slug: 'aws' }, { slug: 'gcp' }] } });
  });

  it('refuses a query whose hash does not match it', async () => {
    const wrong = await send({
      query: '{ providers { name } }',
      extensions: persisted,
    });
    // Apollo raises this one without a code, so the error formatter masks its message.
    expect(wrong.status).toBe(400);
    expect(wrong.body.data).toBeUndefined();
    expect(wrong.body.errors).toHaveLength(1);
  });
});
