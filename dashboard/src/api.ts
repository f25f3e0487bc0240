/** The dashboard reads only through the public GraphQL API, as the signed-in person. */

export class ApiError extends Error {
  constructor(
    message: string,
    /** The GraphQL error code (UNAUTHENTICATED, FORBIDDEN, ...), or NETWORK / HTTP_<status>. */
    readonly code: string,
  ) {
    super(message);
  }

  get signInNeeded(): boolean {
    return this.code === 'UNAUTHENTICATED';
  }
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: unknown } }>;
}

export async function graphql<T>(
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('cannot reach the certscope service; is it running?', 'NETWORK');
  }
  let body: GraphQLBody<T>;
  try {
    body = (await response.json()) as GraphQLBody<T>;
  } catch {
    throw new ApiError(`the service answered HTTP ${response.status}`, `HTTP_${response.status}`);
  }
  // Any error fails the whole view: a half-drawn dashboard would hide what is missing.
  const first = body.errors?.[0];
  if (first) {
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'ERROR';
    throw new ApiError(first.message, code);
  }
  if (!body.data) throw new ApiError('the service sent no data', 'NO_DATA');
  return body.data;
}
