// A GraphQL-over-HTTP fetcher for the same-origin endpoint, written here to keep the bundle free of
// optional transports (websockets, multipart) that this API does not offer.

/** Same-origin GraphQL endpoint of the API. */
export const GRAPHQL_ENDPOINT = '/graphql';

/** Sends one GraphQL request as JSON POST and returns the parsed result, or a GraphQL-shaped error. */
export async function graphqlFetcher(params, options) {
  const headers = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json',
    ...(options?.headers ?? {}),
  };
  let response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify(params),
      credentials: 'same-origin',
    });
  } catch (e) {
    return { errors: [{ message: `Could not reach ${GRAPHQL_ENDPOINT}: ${e?.message ?? e}` }] };
  }
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON (a proxy page, a 404 from a host without the API): show what came back, shortened.
    const body = text.trim();
    const what = body === '' ? 'an empty body' : `a non-JSON body: ${body.length > 300 ? `${body.slice(0, 300)}…` : body}`;
    return { errors: [{ message: `${GRAPHQL_ENDPOINT} answered HTTP ${response.status} with ${what}` }] };
  }
}
