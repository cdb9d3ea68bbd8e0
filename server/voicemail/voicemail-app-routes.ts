import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { sessionOf } from '../auth/require-session.ts';
import { AppError } from '../lib/errors.ts';
import { parseInput } from '../lib/parse-body.ts';
import { readVoicemailAudio } from './voicemail-repo.ts';

const paramsSchema = z.object({ voicemailId: z.uuid('Invalid voicemail id') });

/**
 * Serves voicemail recordings to the logged-in web app. The business comes from the session,
 * so another business's recording answers 404, like an unknown one.
 */
export function createVoicemailAppRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/:voicemailId/audio', async (req, res) => {
    const { voicemailId } = parseInput(paramsSchema, req.params);
    const audio = await readVoicemailAudio(ctx.db, voicemailId, sessionOf(res).user.businessId);
    if (!audio) {
      throw new AppError('not_found', 'Voicemail not found or not downloaded yet');
    }
    res.set('x-content-type-options', 'nosniff');
    res.set('cache-control', 'private, max-age=3600');
    res.type(audio.contentType).send(audio.data);
  });

  return router;
}
