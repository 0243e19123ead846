// The resolver convention of the kitchen-sink schema, written so that any engine can follow it
// exactly (tests/Graph.GraphQL.Tests/TestSchema/ is the C# copy):
//
// 1. Mutation.increment adds `by` to a counter that starts at 0 for each operation and returns it.
// 2. A field whose name starts with "echo" returns its coerced arguments as canonical JSON
//    (keys sorted by UTF-16 code units, no spaces, numbers and strings as JSON.stringify writes them).
//    An argument that was not given and has no default is absent; an explicit null is null.
// 3. Otherwise the value is parent[fieldName] (absent means null), then:
//    a. {"__byArgument": a, "values": {...}} becomes values[key] (null when missing), where key is
//       the argument `a` itself when it is a string, else its canonical JSON;
//    b. {"__error": message} makes the resolver throw an error with that message;
//    c. {"__ref": id} becomes data.nodes[id], also for items of lists (at any depth);
//    d. a list is cut to its first max(0, first) items when the field has a non-null `first` argument.
// 4. An abstract type resolves to the object type named by the value's "__typename" key.
// 5. The custom scalars Date, Url and Cursor accept and produce only strings matching the
//    patterns below; anything else is an error, for input and output alike.

/** Canonical JSON: the form echo fields return. */
export function canonicalJson(value) {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function scalar(name, pattern) {
  const check = (value) => {
    if (typeof value === 'string' && pattern.test(value)) return value;
    throw new Error(`${name} cannot represent value: ${JSON.stringify(value)}`);
  };
  return { output: check, input: check };
}

export const scalarCoercions = {
  Date: scalar('Date', /^\d{4}-\d{2}-\d{2}$/),
  Url: scalar('Url', /^https?:\/\/\S+$/),
  Cursor: scalar('Cursor', /^[A-Za-z0-9+/=]*$/),
};

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function deref(value, nodes) {
  if (Array.isArray(value)) return value.map((item) => deref(item, nodes));
  if (isObject(value) && typeof value.__ref === 'string') {
    return Object.hasOwn(nodes, value.__ref) ? nodes[value.__ref] : null;
  }
  return value;
}

/** Creates the field resolver over a data set ({ nodes, query, mutation, subscription }). */
export function createFieldResolver(data) {
  return (parent, args, context, info) => {
    const { fieldName, parentType } = info;
    if (parentType.name === 'Mutation' && fieldName === 'increment') {
      context.counter += args.by;
      return context.counter;
    }
    if (fieldName.startsWith('echo')) {
      return canonicalJson(args);
    }
    let value = isObject(parent) && Object.hasOwn(parent, fieldName) ? parent[fieldName] : null;
    if (isObject(value) && typeof value.__byArgument === 'string') {
      const argument = args[value.__byArgument];
      const key = typeof argument === 'string' ? argument : canonicalJson(argument);
      value = Object.hasOwn(value.values, key) ? value.values[key] : null;
    }
    if (isObject(value) && typeof value.__error === 'string') {
      throw new Error(value.__error);
    }
    value = deref(value, data.nodes);
    if (Array.isArray(value) && args.first !== undefined && args.first !== null) {
      value = value.slice(0, Math.max(0, args.first));
    }
    return value;
  };
}

/** Resolves an abstract type by the "__typename" key of the value. */
export function typeResolver(value) {
  return isObject(value) && typeof value.__typename === 'string' ? value.__typename : undefined;
}

/** The root value of an operation of the given type: data.query, data.mutation or data.subscription. */
export function rootValueFor(data, operationType) {
  return data[operationType] ?? {};
}
