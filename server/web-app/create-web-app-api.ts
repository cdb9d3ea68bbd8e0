import express from 'express';
import type { Router } from 'express';
import type { AppContext } from '../app-context.ts';
import { createAuthRoutes } from '../auth/auth-routes.ts';
import { checkSameOrigin } from '../auth/check-same-origin.ts';
import { requireSession } from '../auth/require-session.ts';
import { createInboxRoutes } from '../inbox/inbox-routes.ts';
import { createNotificationRoutes } from '../notifications/notification-routes.ts';
import { createAutomationSettingsRoutes } from '../settings/automation-settings-routes.ts';
import { createSettingsRoutes } from '../settings/settings-routes.ts';
import { createTeamRoutes } from '../team/team-routes.ts';
import { createVoicemailAppRoutes } from '../voicemail/voicemail-app-routes.ts';
import { createFlowEditorRoutes } from './flow-editor-routes.ts';

export interface WebAppApiOptions {
  hasSimulator: boolean;
}

/**
 * The API the browser app calls, mounted at `/app-api`. It authenticates with the session
 * cookie (the bearer-token `/api` stays for automation) and checks every state-changing request
 * for cross-site forgery.
 */
export function createWebAppApi(ctx: AppContext, options: WebAppApiOptions): Router {
  const router = express.Router();
  router.use(express.json({ limit: '256kb' }));
  router.use(checkSameOrigin(ctx.config.publicBaseUrl));
  router.use('/auth', createAuthRoutes(ctx, { hasSimulator: options.hasSimulator }));
  router.use(requireSession(ctx));
  router.use('/conversations', createInboxRoutes(ctx));
  router.use('/notifications', createNotificationRoutes(ctx));
  router.use('/team', createTeamRoutes(ctx));
  router.use('/settings/automation', createAutomationSettingsRoutes(ctx));
  router.use('/settings', createSettingsRoutes(ctx));
  router.use('/flows', createFlowEditorRoutes(ctx));
  router.use('/voicemails', createVoicemailAppRoutes(ctx));
  return router;
}
