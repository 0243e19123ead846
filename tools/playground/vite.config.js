import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves this bundle at /playground/ from its wwwroot; the output is generated, never committed.
const outDir = fileURLToPath(new URL('../../src/Graph.Api/wwwroot/playground', import.meta.url));

export default defineConfig({
  base: '/playground/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // Monaco and GraphiQL are large by nature; the warning says nothing useful here.
    chunkSizeWarningLimit: 6000,
    sourcemap: false,
    rollupOptions: {
      onwarn(warning, warn) {
        // @graphiql/react marks modules "use no memo" for the React Compiler; bundling drops it, harmlessly.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  // Monaco's workers are ES modules; bundle them as such so they load from the same origin.
  worker: { format: 'es' },
});
