import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/db/data-source';
import { postGraphQL, type EmptyDatabase, type ServiceProcess } from '../support/process';
import { startHarness, type Harness } from './harness';
import { normalise, type NamedQuery } from './query-set';

/*
 * Two service processes started at the same moment on one empty database: the advisory lock
 * in prepareDatabase lets exactly one migrate and seed. Then the two act as replicas behind a
 * load balancer: whichever answers, the answer is the same, and a write through one is seen
 * by the other at once, because no process keeps data between requests.
 */

const ROUND_ROBIN_PASSES = 6;
const CONCURRENCY = 8;

let harness: Harness;
let db: EmptyDatabase;
let a: ServiceProcess;
let b: ServiceProcess;
let token: string;
let queries: NamedQuery[];
let employeeId: number;

beforeAll(async () => {
  harness = await startHarness({ processes: 2 });
  [a, b] = harness.services;
  ({ db, token, queries } = harness);
  employeeId = harness.ids.employeeId;
}, 180_000);

afterAll(async () => harness?.close());

/** The counts a "seeded ...: {json}" log line reports. */
function seededCounts(service: ServiceProcess, prefix: string): Array<Record<string, number>> {
  return service
    .logs()
    .map((line) => String(line.msg ?? ''))
    .filter((msg) => msg.startsWith(prefix))
    .map((msg) => JSON.parse(msg.slice(msg.indexOf('{'))) as Record<string, number>);
}

describe('two processes started at once on an empty database', () => {
  it('migrate once: every migration recorded exactly once', async () => {
    const rows = await db.query<{ name: string; n: number }>(
      'SELECT name, count(*)::int AS n FROM migrations GROUP BY name ORDER BY name',
    );
    const expected = migrations.map((m) => m.name).sort();
    expect(rows.map((r) => r.name)).toEqual(expected);
    expect(rows.every((r) => r.n === 1)).toBe(true);

    const ready = [a, b].map((s) => s.logs().find((l) => l.msg === 'database ready'));
    const applied = ready.map((l) => (l?.migrations as string[] | undefined)?.length ?? -1);
    // One ran them all; the other, after waiting on the lock, found nothing to do.
    expect(applied.sort()).toEqual([0, expected.length]);
  });

  it('seed once: exactly one process seeded, and the tables hold one seeding', async () => {
    const ready = [a, b].map((s) => s.logs().find((l) => l.msg === 'database ready'));
    expect(ready.map((l) => l?.seeded).sort()).toEqual([false, true]);

    const seeder = ready[0]?.seeded ? a : b;
    const other = seeder === a ? b : a;
    const [catalog] = seededCounts(seeder, 'seeded the catalog');
    const [org] = seededCounts(seeder, 'seeded the demo organization');
    expect(seededCounts(other, 'seeded the')).toEqual([]);
    expect(catalog).toBeDefined();
    expect(org).toBeDefined();

    const [counts] = await db.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM provider) AS providers,
              (SELECT count(*)::int FROM certification) AS certifications,
              (SELECT count(*)::int FROM skill) AS skills,
              (SELECT count(*)::int FROM career_role) AS "careerRoles",
              (SELECT count(*)::int FROM learning_path) AS "learningPaths",
              (SELECT count(*)::int FROM team) AS teams,
              (SELECT count(*)::int FROM employee) AS employees,
              (SELECT count(*)::int FROM held_certification) AS "heldCertifications",
              (SELECT count(*)::int FROM team_requirement) AS requirements,
              (SELECT count(*)::int FROM career_goal) AS goals`,
    );
    expect(counts).toEqual({
      providers: catalog.providers,
      certifications: catalog.certifications,
      skills: catalog.skills,
      careerRoles: catalog.careerRoles,
      learningPaths: catalog.learningPaths,
      teams: org.teams,
      employees: org.employees,
      heldCertifications: org.heldCertifications,
      requirements: org.requirements,
      goals: org.goals,
    });
    expect(counts.employees).toBe(60);
  });

  it('both serve, and give the same answers as one process does', async () => {
    const ask = async (service: ServiceProcess, q: NamedQuery) => {
      const { status, body } = await postGraphQL(service.url, token, q.query, q.variables);
      expect({ name: q.name, status, errors: body.errors }).toEqual({
        name: q.name,
        status: 200,
        errors: undefined,
      });
      return normalise(body.data);
    };

    // The reference: one process, one query at a time.
    const reference = new Map<string, string>();
    for (const q of queries) reference.set(q.name, await ask(a, q));

    // Behind a round-robin balancer, side by side: the same query lands on either process.
    const jobs = Array.from({ length: ROUND_ROBIN_PASSES }, () => queries).flat();
    const mismatches: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const index = next;
        next += 1;
        const q = jobs[index];
        const service = index % 2 === 0 ? b : a;
        if ((await ask(service, q)) !== reference.get(q.name)) {
          mismatches.push(`${q.name} via ${service === a ? 'A' : 'B'}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(mismatches).toEqual([]);
    expect(next).toBe(queries.length * ROUND_ROBIN_PASSES);
  });

  it('a write through one process is read back through the other at once', async () => {
    const [{ slug }] = await db.query<{ slug: string }>(
      'SELECT slug FROM certification ORDER BY id LIMIT 1',
    );
    const written = await postGraphQL(
      a.url,
      token,
      `mutation ($input: RecordCertificationInput!) { recordCertification(input: $input) { id } }`,
      {
        input: {
          employeeId,
          certificationSlug: slug,
          earnedOn: '2025-03-01',
          credentialId: 'rr-1',
        },
      },
    );
    expect(written.body.errors).toBeUndefined();
    const id = String(written.body.data?.recordCertification.id);
    const read = await postGraphQL(
      b.url,
      token,
      'query ($id: ID!) { employee(id: $id) { certifications { id credentialId } } }',
      {
        id: employeeId,
      },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.employee.certifications).toContainEqual({ id, credentialId: 'rr-1' });
  });
});
