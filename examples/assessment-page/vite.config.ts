import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The page uses the package as published: the browser-safe core in dist/ (build it first with
// `npm run build` at the package root).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: {
    alias: { 'facility-standards': fileURLToPath(new URL('../../dist/index.js', import.meta.url)) },
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 1000 },
});
