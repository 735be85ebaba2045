import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './src/main/app/csp';
import { deferUnicodeData } from './scripts/lazy-unicode-data.mjs';

// The built index.html carries the same CSP the app:// protocol sends as a header, from one source,
// so the Chromium e2e host (plain HTTP, no protocol handler) runs under the same policy. Build only:
// the dev server's React refresh preamble is an inline script the policy would block.
function cspMetaTag(): Plugin {
  return {
    name: 'yeban-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META }, injectTo: 'head-prepend' },
    ],
  };
}

// Three bundles: main (ESM, Node), preload (CommonJS: a sandboxed preload cannot load ES modules,
// and it must be self-contained because a sandboxed preload can only require 'electron'),
// renderer (React, served by the app:// protocol).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [react(), cspMetaTag(), { name: 'yeban-lazy-unicode-data', transform: (code: string, id: string) => deferUnicodeData(code, id) }],
    resolve: {
      alias: [
        { find: /^brotli\/decompress(\.js)?$/, replacement: resolve(__dirname, 'src/renderer/src/layout/woff2-refused.ts') },
        { find: /^unicode-trie$/, replacement: resolve(__dirname, 'src/core/fonts/lazy-unicode-trie.ts') },
      ],
    },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      // Half the bytes for V8 to parse and compile before the first page can be laid out.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
