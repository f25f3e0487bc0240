/**
 * PostGraphile over the same tables, for the plain list queries. The installed version is
 * 4 (see docs/performance.md): it is configured with options rather than a v5 preset.
 * Departments include their sub-teams, which PostGraphile reaches through the SQL function
 * bench_pg.department_employees that the benchmark creates.
 */
import http from 'node:http';
import { postgraphile } from 'postgraphile';

const middleware = postgraphile(process.env.DATABASE_URL, ['public', 'bench_pg'], {
  graphqlRoute: '/graphql',
  graphiql: false,
  disableDefaultMutations: true,
  disableQueryLog: true,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  legacyRelations: 'omit',
  enableQueryBatching: false,
  retryOnInitFail: false,
  watchPg: false,
});

http.createServer(middleware).listen(Number(process.env.PORT), '127.0.0.1');
