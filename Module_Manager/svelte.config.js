import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    typescript: {
      config: (tsconfig) => ({ ...tsconfig, include: [...tsconfig.include, '../playwright.config.ts'] }),
    },
    adapter: adapter({ precompress: true }),
    // The origin check for form posts is the `formOrigin` handle (src/lib/server/hooks/form-origin.ts): the portal answers
    // on many tenant hosts, and behind plain-http dev servers adapter-node assumes https, so SvelteKit's
    // built-in check (exact scheme + host) would refuse every legitimate form post there.
    csrf: { trustedOrigins: ['*'] },
    // Scripts only from the app itself (SvelteKit adds hashes for its own inline bootstrap).
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:', 'https:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};

export default config;
