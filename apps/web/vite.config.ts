/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Dev: `WEB_PORT=5174 API_URL=http://localhost:3104 pnpm dev` (each engineer runs on ports of their own).
const apiUrl = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: { port: Number(process.env.WEB_PORT ?? 5173), strictPort: true, proxy: { '/api': apiUrl } },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 600 },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    // jsdom + Mantine on a shared 2-core machine: a screen test can take seconds.
    testTimeout: 30_000,
  },
});
