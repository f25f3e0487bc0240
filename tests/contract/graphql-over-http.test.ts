import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

const DOC = path.resolve(__dirname, '..', '..', 'docs', 'graphql-over-http.md');

describe('the GraphQL over HTTP audit', () => {
  let server: TestServer;
  let results: AuditResult[];

  beforeAll(async () => {
    server = await startTestServer();
    results = [];
    for (const audit of serverAudits({ url: server.url, fetchFn: fetch })) {
      results.push(await audit.fn());
    }
  });
  afterAll(async () => server?.close());

  it('passes every MUST', () => {
    const musts = results.filter((result) => result.name.startsWith('MUST'));
    expect(musts.length).toBeGreaterThanOrEqual(13);
    const failed = musts
      .filter((result) => result.status !== 'ok')
      .map((result) => `${result.id} ${result.name}: ${'reason' in result ? result.reason : ''}`);
    expect(failed).toEqual([]);
  });

  it('documents every SHOULD and MAY it does not pass, with the reason', async () => {
    const doc = await readFile(DOC, 'utf8');
    const undocumented = results
      .filter((result) => result.status !== 'ok' && !doc.includes(`| ${result.id} |`))
      .map((result) => `${result.id} ${result.name}`);
    expect(undocumented, `add these to ${path.basename(DOC)} or fix them`).toEqual([]);
  });

  it('answers a GET query with the preflight header, never a GET mutation', async () => {
    const url = (query: string) => `${server.url}?query=${encodeURIComponent(query)}`;
    const headers = { 'apollo-require-preflight': 'true', accept: 'application/json' };
    const query = await fetch(url('{ __typename }'), { headers });
    expect(query.status).toBe(200);
    expect(await query.json()).toEqual({ data: { __typename: 'Query' } });

    const mutation = await fetch(url('mutation { removeTeamRequirement(id: "1") }'), { headers });
    expect(mutation.status).toBe(405);
  });
});
