import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';

// Component tests for the SPA's logic-heavy parts (npm test, run by ./test.sh before the browser journeys).
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testing/setup.ts'],
    css: false,
  },
});
