// The options of getIntrospectionQuery used by the conformance check and the benchmarks:
// every optional part of the introspection query turned on.
export const introspectionOptions = {
  specifiedByUrl: true,
  inputValueDeprecation: true,
  oneOf: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
};
