/**
 * Prints a development bearer token for a demo user, signed with the key the service
 * generated in its state folder. Refuses to run in production, where tokens come from the
 * organization's identity provider.
 *
 *   npm run token -- --list                     people to try, with their ids and roles
 *   npm run token -- --email <email> [--role R]  a token for that person
 *   npm run token -- --id <id> [--role R]
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/config';
import { installPgTypeParsers } from '../src/db/pg-types';
import { loadAuthSettings, Role, signToken } from '../src/services/auth.service';
import { serviceDatabaseUrl } from './service-database';

const USAGE = `Prints a development token for a demo user of the running service.

  npm run token -- --list                      people to try, with their ids and roles
  npm run token -- --email <email> [--role R]  a token for that person
  npm run token -- --id <id> [--role R]        (R: EMPLOYEE, MANAGER, FINANCE, LND_ADMIN)
  --expires 8h                                 how long the token lasts

Run it from the service's folder, with the same CERTSCOPE_STATE_DIR and DATABASE_URL or
EMBEDDED_PG_PORT as the service, while the service runs.
`;

interface Person {
  id: number;
  name: string;
  email: string;
  team: string;
  manages: string | null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      list: { type: 'boolean', default: false },
      email: { type: 'string' },
      id: { type: 'string' },
      role: { type: 'string' },
      expires: { type: 'string', default: '8h' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const config = loadConfig();
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const auth = loadAuthSettings(process.env, config.stateDir, { createDevelopmentKey: false });
  if (!auth.development || !auth.secret) {
    throw new Error('tokens are printed only in development, with the generated key');
  }

  installPgTypeParsers();
  const url = serviceDatabaseUrl(config);
  const client = new pg.Client({ connectionString: url });
  await client.connect().catch((error: Error) => {
    throw new Error(`cannot reach the database (${error.message}); is the service running?`);
  });
  try {
    const people = await findPeople(client, values);
    if (values.list) {
      for (const p of people) {
        const role = p.manages ? `MANAGER of ${p.manages}` : 'EMPLOYEE';
        process.stdout.write(`${String(p.id).padStart(4)}  ${p.email.padEnd(34)} ${role}\n`);
      }
      process.stdout.write('\nAny of them can also be given --role FINANCE or --role LND_ADMIN.\n');
      return;
    }
    const person = people[0];
    if (!person) throw new Error('no such employee; try --list');
    const role = (values.role ?? (person.manages ? 'MANAGER' : 'EMPLOYEE')).toUpperCase();
    if (!(role in Role)) throw new Error(`--role must be one of ${Object.keys(Role).join(', ')}`);
    const token = await signToken(
      { issuer: auth.issuer, audience: auth.audience, secret: auth.secret },
      { employeeId: person.id, role: role as Role },
      values.expires,
    );
    process.stderr.write(`${person.name} <${person.email}> as ${role}\n`);
    process.stdout.write(`${token}\n`);
  } finally {
    await client.end();
  }
}

async function findPeople(
  client: pg.Client,
  values: { list?: boolean; email?: string; id?: string },
): Promise<Person[]> {
  const where = values.email ? 'e.email = lower($1)' : values.id ? 'e.id = $1::int' : 'true';
  const limit = values.list ? 'AND (m.id IS NOT NULL OR e.id % 7 = 0)' : '';
  const { rows } = await client.query<Person>(
    `SELECT e.id, e.name, e.email, t.name AS team, string_agg(m.name, ', ') AS manages
       FROM employee e JOIN team t ON t.id = e.team_id
       LEFT JOIN team m ON m.manager_id = e.id
      WHERE ${where} ${limit}
      GROUP BY e.id, t.name ORDER BY e.id LIMIT 40`,
    values.email || values.id ? [values.email ?? values.id] : [],
  );
  return rows;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
