import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/errors.ts';
import { parseInput } from '../lib/parse-body.ts';
import { readVoicemailAudio } from './voicemail-repo.ts';

const paramsSchema = z.object({ voicemailId: z.uuid('Invalid voicemail id') });

/** Serves stored voicemail recordings to the REST API. */
export function createVoicemailApiRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/voicemails/:voicemailId/audio', async (req, res) => {
    const { voicemailId } = parseInput(paramsSchema, req.params);
    const audio = await readVoicemailAudio(ctx.db, voicemailId, null);
    if (!audio) {
      throw new AppError('not_found', 'Voicemail not found or not downloaded yet');
    }
    res.set('x-content-type-options', 'nosniff');
    res.type(audio.contentType).send(audio.data);
  });

  return router;
}
