import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// No React plugin is installed: Vite's built-in oxc transform compiles JSX with React's
// automatic runtime, so components need no `import React`. (No fast refresh in dev; a reload is fine.)
export default defineConfig({
  root: here,
  publicDir: 'public',
  // Keep Vite's dependency cache with the repository's node_modules, not in apps/web.
  cacheDir: fileURLToPath(new URL('../../node_modules/.vite/web', import.meta.url)),
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // survey-core + its React renderer are ~1.4 MB minified (~350 kB gzip). They load only on the
    // survey page, as a lazy chunk, so the warning would be noise about a known cost.
    chunkSizeWarningLimit: 1600,
    sourcemap: false,
    rollupOptions: {
      // react-router and TanStack Query mark modules "use client" for React server components;
      // this app has none, so the directive means nothing here.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        // How long plugins took: noise on a busy machine, not a problem with the app.
        if (warning.code === 'PLUGIN_TIMINGS') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
