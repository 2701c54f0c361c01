// The production entry: adapter-node's own server (build/index.js), plus the security headers and
// compression on every response. adapter-node answers static files (/_app/…, favicon, logos) before
// SvelteKit's hooks run, so the `headers` handle alone would miss them; this listener runs first for
// every request.
import compression from 'compression';
import { isHttps, securityHeaders } from './security-headers.js';
import { server } from '../build/index.js';

// Pages and API answers go out gzip-compressed (a portal page's HTML shrinks about 3×, which counts on a
// weak link). Static assets already come precompressed from the build, and compression leaves any
// response that has a Content-Encoding alone. Event streams must reach the browser event by event, so
// they are never buffered for compression.
const compress = compression({
  filter: (req, res) =>
    !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
});

server.server.prependListener('request', (req, res) => {
  const proto = req.headers['x-forwarded-proto'];
  for (const [name, value] of securityHeaders(isHttps(Array.isArray(proto) ? proto[0] : proto))) {
    res.setHeader(name, value);
  }
  // The middleware only wraps this response's write/end (synchronously) and calls back; adapter-node's
  // own listener, which runs next, then writes through the wrapper.
  compress(req, res, () => {});
});
