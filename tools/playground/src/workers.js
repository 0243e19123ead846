// Tells Monaco where its web workers are: files bundled beside this script (see build.mjs), never a CDN.
/* global __MONACO_WORKERS__ */
const files = __MONACO_WORKERS__;

globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const file = label === 'json' ? files.json : label === 'graphql' ? files.graphql : files.editor;
    return new Worker(new URL(file, import.meta.url), { name: `monaco-${label}` });
  },
};
