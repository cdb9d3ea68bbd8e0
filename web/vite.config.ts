import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

// The dev server serves the pages with hot reload and forwards everything else to the API
// server started by `npm run dev`, which listens on its default port.
const apiServer = 'http://127.0.0.1:3000';

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': apiServer,
      '/app-api': apiServer,
      '/simulator/api': apiServer,
      '/webhooks': apiServer,
      '/socket.io': { target: apiServer, ws: true },
    },
  },
});
