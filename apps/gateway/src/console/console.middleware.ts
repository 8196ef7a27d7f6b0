import cors from 'cors';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** CORS for the origins of CORS_ORIGINS (exact match); none when empty: the console itself is same-origin. */
export function corsMiddleware(origins: string | undefined): RequestHandler {
  const allowed = (origins ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return cors({
    origin: (origin, done) => done(null, !!origin && allowed.includes(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'traceparent', 'apollo-require-preflight', 'x-apollo-operation-name'],
    exposedHeaders: ['retry-after', 'content-disposition'],
    maxAge: 600,
  });
}

/** A browser opening /graphql (it asks for HTML, with no query) is sent to the sandbox instead of a CSRF error. */
export function sandboxRedirect(enabled: boolean): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const wantsPage = req.method === 'GET' && !req.query.query && (req.headers.accept ?? '').includes('text/html');
    // mounted for every route, so `req.path` is relative to the mount: read the path off the original URL
    if (enabled && wantsPage && req.originalUrl.split('?')[0] === '/graphql') res.redirect(302, '/sandbox');
    else next();
  };
}
