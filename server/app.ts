import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Express } from 'express';
import helmet from 'helmet';
import { requireApiToken } from './api/require-api-token.ts';
import type { AppContext } from './app-context.ts';
import { checkSameOrigin } from './auth/check-same-origin.ts';
import { requireRole, requireSession } from './auth/require-session.ts';
import { webhookAuthToken } from './app-context.ts';
import { createBusinessRoutes } from './businesses/business-routes.ts';
import { createCallRoutes } from './calls/call-routes.ts';
import { createScreeningRoutes } from './calls/screening-routes.ts';
import { createConversationRoutes } from './conversations/conversation-routes.ts';
import { createFlowRoutes } from './flows/flow-routes.ts';
import { AppError, createErrorHandler } from './lib/errors.ts';
import { createRequestLogger } from './lib/request-logger.ts';
import { stripNulBytes } from './webhooks/strip-nul-bytes.ts';
import { createMediaRoutes } from './media/media-routes.ts';
import { createSmsRoutes } from './messages/sms-routes.ts';
import type { SandboxProvider } from './providers/sandbox-provider.ts';
import { createSimulatorRoutes } from './simulator/simulator-routes.ts';
import { createWebAppApi } from './web-app/create-web-app-api.ts';
import { createVoicemailApiRoutes } from './voicemail/voicemail-api-routes.ts';
import { createVoicemailRoutes } from './voicemail/voicemail-routes.ts';
import { verifyTwilioSignature } from './webhooks/verify-twilio-signature.ts';
import { createWorkflowRoutes } from './workflows/workflow-routes.ts';

export interface CreateAppOptions {
  /** The sandbox provider, when in use; it enables the phone simulator's API. */
  sandbox: SandboxProvider | null;
  /** The built web app to serve, if it exists. */
  webDistDir: string | null;
}

export function createApp(ctx: AppContext, options: CreateAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(createRequestLogger(ctx.log));
  app.use(helmet({ contentSecurityPolicy: false }));

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  const webhooks = express.Router();
  webhooks.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 200 }));
  webhooks.use(
    verifyTwilioSignature({
      authToken: webhookAuthToken(ctx.config),
      publicBaseUrl: ctx.config.publicBaseUrl,
      log: ctx.log,
    }),
  );
  // After the signature check, which covers the fields exactly as Twilio sent them.
  webhooks.use(stripNulBytes);
  webhooks.use(createCallRoutes(ctx));
  webhooks.use(createScreeningRoutes(ctx));
  webhooks.use(createVoicemailRoutes(ctx));
  webhooks.use(createSmsRoutes(ctx));
  app.use('/webhooks/twilio', webhooks);

  const api = express.Router();
  api.use(express.json({ limit: '256kb' }));
  api.use(apiAuth(ctx));
  api.use('/businesses', createBusinessRoutes(ctx));
  api.use(createConversationRoutes(ctx));
  api.use(createMediaRoutes(ctx));
  api.use(createVoicemailApiRoutes(ctx));
  api.use(createFlowRoutes(ctx));
  api.use(createWorkflowRoutes(ctx));
  app.use('/api', api);

  app.use('/app-api', createWebAppApi(ctx, { hasSimulator: options.sandbox !== null }));

  if (options.sandbox) {
    app.use(
      '/simulator/api',
      express.json({ limit: '16kb' }),
      checkSameOrigin(ctx.config.publicBaseUrl),
      requireSession(ctx),
      requireRole('owner'),
      createSimulatorRoutes(ctx, options.sandbox),
    );
  }

  if (options.webDistDir && existsSync(options.webDistDir)) {
    serveWebApp(app, options.webDistDir);
  }

  app.use((_req, _res, next) => {
    next(new AppError('not_found', 'No such route'));
  });
  app.use(createErrorHandler(ctx.log));
  return app;
}

function apiAuth(ctx: AppContext): express.RequestHandler {
  if (ctx.config.apiToken) {
    return requireApiToken(ctx.config.apiToken);
  }
  return (_req, _res, next) => {
    next(new AppError('unauthorized', 'The REST API is off because API_TOKEN is not set'));
  };
}

/** Serves the React app, answering unknown page paths with its index so client routes load. */
function serveWebApp(app: Express, webDistDir: string): void {
  app.use(express.static(webDistDir, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!api\/|app-api\/|socket\.io\/|webhooks\/|simulator\/api\/).*/, (req, res, next) => {
    // A missing file such as /favicon.ico gets a 404, not the app's page.
    if (!req.accepts('html') || path.extname(req.path) !== '') {
      next();
      return;
    }
    res.sendFile(path.resolve(webDistDir, 'index.html'));
  });
}
