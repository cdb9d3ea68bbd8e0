import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadReplyEngines } from '../../server/conversations/load-reply-engines.ts';
import type { ReplyEngineFactory } from '../../server/conversations/load-reply-engines.ts';

export const flowsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../flows');

/** The real flow engines over the repository's flows, as the server builds them. */
export async function loadTestEngine(): Promise<ReplyEngineFactory> {
  const { engineFor, problems } = await loadReplyEngines({ flowsDir });
  if (problems.length > 0) {
    throw new Error(`The repository's flows are invalid: ${JSON.stringify(problems)}`);
  }
  return engineFor;
}
