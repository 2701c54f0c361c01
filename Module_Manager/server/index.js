// The production entry: adapter-node's own server (build/index.js), plus the security headers on
// every response. adapter-node answers static files (/_app/…, favicon, logos) before SvelteKit's hooks
// run, so the `headers` handle alone would miss them; this listener runs first for every request.
import { isHttps, securityHeaders } from './security-headers.js';
import { server } from '../build/index.js';

server.server.prependListener('request', (req, res) => {
  const proto = req.headers['x-forwarded-proto'];
  for (const [name, value] of securityHeaders(isHttps(Array.isArray(proto) ? proto[0] : proto))) {
    res.setHeader(name, value);
  }
});
