import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { createRoot } from 'react-dom/client';
import { loadSession } from './auth/session';

// GraphiQL, bundled (no CDN), against this origin's /graphql with the console's session token (sign in at /)
const session = loadSession();
const fetcher = createGraphiQLFetcher({
  url: `${location.origin}/graphql`,
  headers: session ? { authorization: `Bearer ${session.token}` } : {},
});
const hint = session ? '' : '# Not signed in: sign in to the console at / first, or add an Authorization header below.\n';
createRoot(document.getElementById('sandbox')!).render(
  <GraphiQL fetcher={fetcher} defaultQuery={`${hint}{\n  sites { id name areas { id name } }\n}\n`} />,
);
