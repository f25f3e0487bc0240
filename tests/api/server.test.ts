import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

describe('the HTTP surface', () => {
  let server: TestServer;
  let base: string;

  beforeAll(async () => {
    server = await startTestServer();
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => server?.close());

  it('serves a GraphQL IDE whose assets come from this server, not a CDN', async () => {
    const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toEqual([
      '/ide/graphiql.css',
      '/ide/react.js',
      '/ide/react-dom.js',
      '/ide/graphiql.js',
    ]);
    for (const source of sources) {
      const asset = await fetch(`${base}${source}`);
      expect(asset.status, source).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, source).toBeGreaterThan(1000);
    }
  });

  it("lets the IDE's full introspection query through the operation limits", async () => {
    const res = await server.gql(getIntrospectionQuery());
    expect(res.errors).toBeUndefined();
    expect(res.data.__schema.queryType.name).toBe('Query');
  });

  it('lets the largest page of employees with certifications through the cost limit', async () => {
    const res = await server.gql(`{ employees(teamId: 1, first: 1000) {
      edges { node { id name certifications { earnedOn certification { slug } } } } } }`);
    // Team 1 is the harness's own, holding only the test administrator.
    expect(res.errors).toBeUndefined();
    expect(res.data.employees.edges).toHaveLength(1);
  });

  it('answers liveness at /healthz', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('refuses batched operations', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('refuses a simple GET that a browser could send cross-site', async () => {
    const res = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('CSRF');
  });

  it('explains a malformed Cents literal with BAD_USER_INPUT', async () => {
    const res = await server.gql('{ certifications(filter: { maxExpectedCost: -5 }) { slug } }');
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toContain('must be between 0 and');
  });

  it('masks an unexpected failure: no SQL and no stack reach the client', async () => {
    await server.db.query('ALTER TABLE provider RENAME TO provider_gone');
    try {
      const res = await server.gql('{ providers { slug } }');
      expect(res.errors?.[0]).toEqual({
        message: 'Internal server error; the details are in the server log.',
        path: ['providers'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    } finally {
      await server.db.query('ALTER TABLE provider_gone RENAME TO provider');
    }
  });
});
