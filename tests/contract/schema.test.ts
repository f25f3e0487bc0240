import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareSchemas, latestRelease, RELEASES_DIR } from '../../scripts/check-schema';
import { printCertscopeSchema } from '../../scripts/print-schema';

const ROOT = path.resolve(__dirname, '..', '..');

const RELEASED = `
  type Query { team(id: ID!): Team }
  type Team { id: ID! name: String! parentId: ID }
`;

describe('the committed schema', () => {
  it('is the schema the code builds', async () => {
    const committed = await readFile(path.join(ROOT, 'schema.graphql'), 'utf8');
    const built = await printCertscopeSchema();
    expect(
      committed === built,
      'schema.graphql differs from the schema the code builds: run `npm run schema:print` ' +
        'and commit the file',
    ).toBe(true);
  });

  it('keeps the released schemas by version, the newest one found by number', async () => {
    expect(RELEASES_DIR).toBe(path.join(ROOT, 'schema', 'releases'));
    expect(await latestRelease()).toMatch(/^\d+\.\d+\.\d+$/);
    const release = await readFile(path.join(RELEASES_DIR, '0.1.0.graphql'), 'utf8');
    expect(release).toContain('type Query');
  });
});

describe('the breaking-change check', () => {
  it('reports a removed field as breaking', async () => {
    const current = RELEASED.replace('parentId: ID', '');
    const { breaking, safe } = await compareSchemas(RELEASED, current);
    expect(breaking.map((change) => change.path)).toEqual(['Team.parentId']);
    expect(breaking[0].message).toContain("Field 'parentId' was removed from object type 'Team'");
    expect(safe).toEqual([]);
  });

  it('lets an added field through as safe', async () => {
    const current = RELEASED.replace('parentId: ID', 'parentId: ID managerId: ID');
    const { breaking, safe } = await compareSchemas(RELEASED, current);
    expect(breaking).toEqual([]);
    expect(safe.map((change) => change.path)).toEqual(['Team.managerId']);
  });

  it('reports a nullable argument made required as breaking', async () => {
    const current = RELEASED.replace('team(id: ID!)', 'team(id: ID!, asOf: String!)');
    const { breaking } = await compareSchemas(RELEASED, current);
    expect(breaking.map((change) => change.path)).toEqual(['Query.team.asOf']);
  });
});
