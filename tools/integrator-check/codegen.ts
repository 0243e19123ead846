// GraphQL Code Generator over the committed schema (/schema.graphql) and two sets of operations: the playground's
// examples (extracted into generated/examples/ by extract-examples.mjs) and the integrator operations in operations/.
// Two outputs, the two ways integrators use the tool; both are type-checked by `tsc --strict` with the app code.
import type { CodegenConfig } from '@graphql-codegen/cli';

const documents = ['operations/**/*.graphql', 'generated/examples/**/*.graphql'];

const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents,
  generates: {
    // The plugins on their own: types for every operation and a TypedDocumentNode per operation. (Since
    // typescript-operations 6 writes the enum and input types it needs itself; adding the `typescript` plugin too
    // would declare them twice.)
    'generated/plugins/operations.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        // Our one custom scalar travels as text ("2024", "2024-03", "2024-03-15"); an unknown scalar is an error.
        scalars: { PartialDate: 'string' },
        strictScalars: true,
        useTypeImports: true,
      },
    },
    // The client preset: the same types behind a graphql() function, fragment masking, and persisted-documents.json
    // (sha256 of each operation's text -> the text) that our server takes as Graph:Api:TrustedDocuments.
    'generated/client/': {
      preset: 'client',
      config: {
        scalars: { PartialDate: 'string' },
        strictScalars: true,
        useTypeImports: true,
      },
      presetConfig: {
        persistedDocuments: { hashAlgorithm: 'sha256' },
      },
    },
  },
};

export default config;
