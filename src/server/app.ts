import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { jsonError, errorResponseOf } from './api/api-error.js';
import { registerBracketRoutes } from './api/bracket-routes.js';
import { registerPrecedentRoutes } from './api/precedent-routes.js';
import { registerPredictRoutes } from './api/predict-routes.js';
import { registerPreviewRoutes } from './api/preview-routes.js';
import { registerTieRoutes } from './api/tie-routes.js';
import { registerVenueRoutes } from './api/venue-routes.js';
import { registerTeamsRoutes } from './api/teams-routes.js';
import { validationHook } from './api/validation.js';
import { errorPage } from './pages/error-page.js';
import { registerPages } from './pages/page-routes.js';
import { MatchdayError } from '../errors.js';
import type { ServerContext } from './server-context.js';

/** Longest request address served. */
const MAX_URL_LENGTH = 2048;

const isApi = (path: string) => path.startsWith('/api/') || path === '/openapi.json';

/**
 * The whole web app: the JSON API under /api (described at /openapi.json) and the server-rendered pages. Every
 * route is a GET that only reads.
 */
export function createApp(server: ServerContext): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.use(
    secureHeaders({
      // Scripts only from this server (no inline script); inline styles are the pages' own (a style block and
      // custom properties on elements).
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'same-origin',
    }),
  );
  // Every route is a GET with a few short parameters: a longer address is a mistake or an attack.
  app.use(async (c, next) => {
    if (c.req.url.length > MAX_URL_LENGTH) {
      return c.json(
        { error: { code: 'URI_TOO_LONG', message: `address longer than ${MAX_URL_LENGTH} characters` } },
        414,
      );
    }
    await next();
  });
  // A request that outlasts its budget (a cold bracket or fit on a busy worker) is answered 503 at once; its job
  // goes on and its result is kept, so the client's retry is fast. Work on this thread cannot be cut short.
  const budgetMs = server.requestBudgetMs;
  app.use(async (_c, next) => {
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new MatchdayError(
              'REQUEST_TIMEOUT',
              `no answer within ${budgetMs / 1000} s; the work goes on — ask again shortly`,
            ),
          ),
        budgetMs,
      );
    });
    try {
      await Promise.race([next(), budget]);
    } finally {
      clearTimeout(timer);
    }
  });
  // An import or sync since the last request: read the database's teams and matches afresh.
  app.use(async (_c, next) => {
    server.refreshIfChanged();
    await next();
  });

  registerTeamsRoutes(app, server);
  registerPredictRoutes(app, server);
  registerTieRoutes(app, server);
  registerPrecedentRoutes(app, server);
  registerBracketRoutes(app, server);
  registerPreviewRoutes(app, server);
  registerVenueRoutes(app, server, server.dossiers);
  registerPages(app, server);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'matchday',
      version: '0.1.0',
      description:
        'Football match intelligence from real match history: the CLI as a read-only JSON API. Every endpoint is a GET; ' +
        'a bad parameter is a 400 naming it, an unknown team a 404 listing the closest names.',
    },
  });

  app.notFound((c) =>
    isApi(c.req.path)
      ? c.json({ error: { code: 'NOT_FOUND', message: `no route ${c.req.method} ${c.req.path}` } }, 404)
      : c.html(errorPage('Not found', `There is no page at ${c.req.path}.`), 404),
  );
  app.onError((error, c) => {
    if (isApi(c.req.path)) return jsonError(c, error);
    const { status, body } = errorResponseOf(error);
    if (status === 500) console.error(error);
    return c.html(errorPage(status === 404 ? 'Not found' : 'Something went wrong', body.error.message), status);
  });
  return app;
}
