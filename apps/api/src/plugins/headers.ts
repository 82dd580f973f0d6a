// The browser protections of every answer (docs/SECURITY.md): the session token sits in localStorage, so an
// injected script or a framing page must get nowhere. HTML (the SPA, the API docs) is served with a policy
// that runs only our own script files; any other answer forbids everything, framing included. API answers
// are `no-store` unless the route chose its own caching, and always when a valid session asked for them.
import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const policy = (directives: Record<string, string>) => Object.entries(directives).map(([k, v]) => `${k} ${v}`).join('; ');

/**
 * Script only from our own files (Vite emits no inline script). Styles may be inline: Mantine writes its CSS
 * variables into a <style> element at run time and the components set style attributes. data: images are
 * the icons of the Swagger UI's stylesheet.
 */
export const HTML_POLICY = policy({
  'default-src': "'self'",
  'script-src': "'self'",
  'script-src-attr': "'none'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
});
/** JSON, CSV, files: nothing in them is ever to run, load or be framed, even if a browser opens one as a page. */
export const API_POLICY = policy({ 'default-src': "'none'", 'frame-ancestors': "'none'" });
/** No feature of the platform needs any of these: a script that got in cannot ask for them either. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';
/** Sent only over TLS (behind the proxy that ends it): over plain HTTP a browser ignores it anyway. */
export const HSTS = 'max-age=31536000';

function isHtml(reply: FastifyReply) {
  return String(reply.getHeader('content-type') ?? '').startsWith('text/html');
}

function cacheControl(request: FastifyRequest, reply: FastifyReply) {
  if (!request.url.startsWith('/api/')) return;
  const current = reply.getHeader('cache-control');
  // Public data (open data, reference lists) keeps its own caching, but never when a session asked for it.
  if (current === undefined || (request.auth && !String(current).includes('no-store'))) reply.header('cache-control', 'no-store');
}

export default fp(async function headers(app: FastifyInstance) {
  await app.register(helmet, {
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
    hsts: false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    // A 304 has no body to tell HTML by, and its headers replace the stored ones: the stored policy must stay.
    if (reply.statusCode !== 304 && !reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', isHtml(reply) ? HTML_POLICY : API_POLICY);
    }
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    cacheControl(request, reply);
    return payload;
  });
}, { name: 'headers' });
