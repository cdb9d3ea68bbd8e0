import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/errors.ts';
import { parseInput } from '../lib/parse-body.ts';
import { readMediaData } from './media-repo.ts';

const paramsSchema = z.object({ mediaId: z.uuid('Invalid media id') });

/** Serves stored attachments of inbound texts to the REST API. */
export function createMediaRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/media/:mediaId', async (req, res) => {
    const { mediaId } = parseInput(paramsSchema, req.params);
    const media = await readMediaData(ctx.db, mediaId, null);
    if (!media) {
      throw new AppError('not_found', 'Media not found or not downloaded yet');
    }
    // Attachments come from leads: never let a browser run them as a page of ours.
    res.set('content-disposition', 'attachment');
    res.set('x-content-type-options', 'nosniff');
    res.type(media.contentType).send(media.data);
  });

  return router;
}
