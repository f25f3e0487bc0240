/**
 * PostGraphile 5 over the same tables, for the plain list queries, in a process of its own.
 * It needs Node 22's Promise.withResolvers; on Node 20 start it with
 * `node --require scripts/bench/with-resolvers-polyfill.cjs`.
 * Departments include their sub-teams, which PostGraphile reaches through the SQL function
 * bench_pg.department_employees that the benchmark creates.
 */
import http from 'node:http';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public', 'bench_pg'] }),
  ],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
});

const serv = pgl.createServ(grafserv);
const server = http.createServer();
void serv.addTo(server).then(() => {
  server.listen(Number(process.env.PORT), '127.0.0.1');
});
