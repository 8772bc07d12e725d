import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { pathAliases } from './path-aliases.ts';

const resolveAliases = { alias: pathAliases() };

export default defineConfig({
  main: {
    resolve: resolveAliases,
    build: {
      rollupOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    resolve: resolveAliases,
    build: {
      // A sandboxed preload can require only `electron`: bundle everything else into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // A sandboxed preload cannot load ES modules: emit one self-contained CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    resolve: resolveAliases,
    plugins: [svelte()],
    build: {
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
