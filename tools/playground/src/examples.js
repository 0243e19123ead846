// Loads and checks the example list that the API project owns (src/Graph.Api/Playground/examples.json).

/** Where the API serves the example list, beside the bundle's index.html. */
export const EXAMPLES_URL = '/playground/examples.json';

/**
 * Turns one raw entry into { title, description, query, variables } with variables as JSON text,
 * or returns a message saying what is wrong with it.
 */
export function normalizeExample(raw, index) {
  const where = `examples.json entry ${index + 1}`;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { error: `${where} is not an object; expected { "title", "description", "query", "variables" }.` };
  }
  if (typeof raw.title !== 'string' || raw.title.trim() === '') {
    return { error: `${where} has no "title" (a non-empty string is required).` };
  }
  if (typeof raw.query !== 'string' || raw.query.trim() === '') {
    return { error: `${where} ("${raw.title}") has no "query" (a non-empty string is required).` };
  }
  let variables = '';
  if (typeof raw.variables === 'string') {
    variables = raw.variables;
  } else if (raw.variables !== undefined && raw.variables !== null) {
    if (typeof raw.variables !== 'object' || Array.isArray(raw.variables)) {
      return { error: `${where} ("${raw.title}") has "variables" that is neither an object nor a JSON string.` };
    }
    // An empty object means "no variables": leave the editor empty rather than showing {}.
    variables = Object.keys(raw.variables).length === 0 ? '' : JSON.stringify(raw.variables, null, 2);
  }
  return {
    example: {
      title: raw.title,
      description: typeof raw.description === 'string' ? raw.description : '',
      query: raw.query,
      variables,
    },
  };
}

/** Fetches the example list; never throws: problems come back as messages so the playground still opens. */
export async function loadExamples(url = EXAMPLES_URL) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (e) {
    return { examples: [], problems: [`Could not fetch ${url}: ${e?.message ?? e}`] };
  }
  if (!response.ok) {
    return { examples: [], problems: [`Could not load ${url}: HTTP ${response.status}`] };
  }
  let data;
  try {
    data = await response.json();
  } catch (e) {
    return { examples: [], problems: [`${url} is not valid JSON: ${e?.message ?? e}`] };
  }
  if (!Array.isArray(data)) {
    return { examples: [], problems: [`${url} must hold a JSON array of examples.`] };
  }
  const examples = [];
  const problems = [];
  data.forEach((raw, i) => {
    const { example, error } = normalizeExample(raw, i);
    if (example) examples.push(example);
    else problems.push(error);
  });
  return { examples, problems };
}
