import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// In development the Api proxies every request it does not answer to this server (Spa:DevServerUrl),
// so the browser only ever talks to the Api's origin.
export default defineConfig({
  // Brotli and gzip copies beside every file, which the Api sends to browsers that accept them (SpaHosting.cs).
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  // No source maps in the build: they would be public under /assets. The dev server has its own.
  // The manifest lets bench/spa-bytes.sh add up what each route loads.
  build: { outDir: 'dist', sourcemap: false, manifest: true },
});
