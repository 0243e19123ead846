// The one GraphQL client of the page: every read and write goes through POST /graphql, the public API.
// Errors come back as ApiError with a sentence a person can act on, never a raw stack or an empty canvas.

/** An error from the API or the network, in plain words, with the API's extensions.code when there is one. */
export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

const endpoint = '/graphql';

/** Turns one GraphQL error into a sentence: the server's message, plus the close names it suggests. */
function plainWords(error) {
  const code = error.extensions?.code;
  let text = error.message || 'The server refused the request without saying why.';
  const suggestions = error.extensions?.suggestions;
  if (Array.isArray(suggestions) && suggestions.length > 0) {
    text += ` Did you mean: ${suggestions.slice(0, 5).join(', ')}?`;
  }
  if (code === 'UNAUTHENTICATED') text += ' Enter the API key in the review panel to make changes.';
  if (code === 'FORBIDDEN') text += ' This server is read-only.';
  return text;
}

/** Sends one operation; resolves to its data or throws an ApiError in plain words. */
export async function graphql(query, variables = {}, { apiKey } = {}) {
  const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  let response;
  try {
    response = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch (e) {
    throw new ApiError(`The server at ${location.origin} did not answer (${e.message}). Check that it is running, then try again.`, 'NETWORK');
  }
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The server answered ${response.status} ${response.statusText} without a GraphQL result.`, 'HTTP');
  }
  if (Array.isArray(body.errors) && body.errors.length > 0) {
    const first = body.errors[0];
    throw new ApiError(plainWords(first), first.extensions?.code);
  }
  if (!body.data) throw new ApiError(`The server answered ${response.status} with no data.`, 'HTTP');
  return body.data;
}
