import { createRequire } from 'node:module';
import path from 'node:path';
import type { Express } from 'express';

const load = createRequire(__filename);

/** Files of the GraphiQL IDE, served from node_modules so the IDE works with no internet. */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': {
    pkg: 'react-dom',
    file: 'umd/react-dom.production.min.js',
    type: 'text/javascript',
  },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

/** Packages' export maps hide these prebuilt files, so locate them from package.json. */
function assetPath(pkg: string, file: string): string {
  return path.join(path.dirname(load.resolve(`${pkg}/package.json`)), file);
}

const EXAMPLE = `# certscope: certification coverage, gaps, budgets and renewals.
# The catalog is public. For the organization, add a token in the Headers tab:
# {"Authorization": "Bearer <token from npm run token>"}
{
  certification(slug: "aws_ml_specialty") {
    name
    cost { raw estimate { min expected max } }
    validity { raw months }
    examTopics { name weightMin weightMax }
  }
}
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>certscope GraphiQL</title>
  <link rel="stylesheet" href="/ide/graphiql.css">
  <style>body { margin: 0; height: 100vh; } #ide { height: 100vh; }</style>
</head>
<body>
  <div id="ide">Loading GraphiQL...</div>
  <script src="/ide/react.js"></script>
  <script src="/ide/react-dom.js"></script>
  <script src="/ide/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    ReactDOM.createRoot(document.getElementById('ide')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(EXAMPLE)} }),
    );
  </script>
</body>
</html>`;

/** Serves the IDE at GET /graphql for browsers, and its assets under /ide. */
export function mountIde(app: Express): void {
  app.get('/ide/:asset', (req, res) => {
    const asset = ASSETS[req.params.asset];
    if (!asset) {
      res.status(404).end();
      return;
    }
    res.type(asset.type).sendFile(assetPath(asset.pkg, asset.file));
  });
  app.get('/graphql', (req, res, next) => {
    const wantsPage = req.accepts(['application/json', 'text/html']) === 'text/html';
    if (!wantsPage || req.query.query !== undefined) {
      next();
      return;
    }
    res.type('html').send(PAGE);
  });
}
