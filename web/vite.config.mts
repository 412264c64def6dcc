// The department's pages (issue 15): `npm run build:web` → dist/web, served by the hub (src/api/web.ts).
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  base: '/',
  publicDir: false,
  build: { outDir: '../dist/web', emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
