/**
 * The floor of the benchmark: a bare node:http server that answers each operation with one
 * hand-written SQL statement whose JSON it passes through unchanged. The training budget is
 * a greedy plan, not a query: its floor is the service's own statements and planner, called
 * directly, without GraphQL. POST / with { "op": "...", "variables": {...} }.
 */
import http from 'node:http';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { installPgTypeParsers } from '../../src/db/pg-types';
import { addDays } from '../../src/services/calendar';
import { trainingBudget } from '../../src/services/training-budget.service';
import { COVERAGE_SQL, EMPLOYEE_SQL, PAGES_SQL, RENEWAL_SQL } from './floor-sql';
import { budgetShape } from './normalise';
import { AS_OF, HORIZON_DAYS } from './queries';

type Variables = Record<string, number | number[]>;

installPgTypeParsers();
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const db = {
  query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows,
};

async function json(sql: string, params: unknown[]): Promise<string> {
  const { rows } = await pool.query(sql, params);
  return String(rows[0]?.json ?? 'null');
}

const OPERATIONS: Record<string, (v: Variables) => Promise<string>> = {
  q1: (v) => json(PAGES_SQL, [[v.t], v.n]),
  q5: (v) => json(EMPLOYEE_SQL, [v.e]),
  q6: (v) => json(PAGES_SQL, [v.teams, v.n]),
  coverage: (v) => json(COVERAGE_SQL, [v.t, AS_OF, false]),
  renewal: (v) => json(RENEWAL_SQL, [v.t, AS_OF, false, addDays(AS_OF, HORIZON_DAYS)]),
  budget: async (v) => {
    const budget = await trainingBudget(db as unknown as DataSource, Number(v.t), AS_OF, {
      teamOnly: false,
    });
    return JSON.stringify(budgetShape(budget));
  },
};

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let request: { op: string; variables: Variables };
    try {
      request = JSON.parse(Buffer.concat(chunks).toString());
    } catch {
      res.writeHead(400).end();
      return;
    }
    const run = OPERATIONS[request.op];
    if (!run) {
      res.writeHead(404).end();
      return;
    }
    run(request.variables).then(
      (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(body),
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
