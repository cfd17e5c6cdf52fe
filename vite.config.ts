import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { apiProxyPlugin } from './server/vite-plugin';

export default defineConfig({
  plugins: [react(), tailwindcss(), apiProxyPlugin()],
  // Module workers: the stream worker shares the transport's modules with the page's code.
  worker: { format: 'es' },
  // Fonts stay files: an inlined data: font would need `font-src data:` in the Content-Security-Policy.
  build: { assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined) },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
