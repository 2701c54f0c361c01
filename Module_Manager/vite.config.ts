import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    // English and Spanish, compiled to tree-shaken message functions: a page ships only its own strings.
    // The language comes from the remembered choice (cookie), else the browser, else English.
    paraglideVitePlugin({
      project: './project.inlang',
      outdir: './src/lib/paraglide',
      strategy: ['cookie', 'preferredLanguage', 'baseLocale'],
      cookieName: 'portal_locale',
    }),
    sveltekit(),
  ],
  server: { host: '127.0.0.1', allowedHosts: ['.localhost'] },
  test: { include: ['src/**/*.test.ts'] },
});
