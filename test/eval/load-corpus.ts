import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const slotValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const evalCaseSchema = z.strictObject({
  id: z.string(),
  flow: z.string(),
  messages: z.array(z.string()).min(1),
  expect: z.strictObject({
    /** Slots a person reading the messages would fill; null means the slot must stay empty. */
    slots: z.record(z.string(), slotValueSchema).default({}),
    /** The conversation's outcome after the last message; null while it is still going. */
    outcome: z.enum(['qualified', 'needs_human', 'discarded']).nullable(),
  }),
});

export type EvalCase = z.infer<typeof evalCaseSchema>;

/** Reads every `.yaml` file in the corpus folder; a malformed case stops the run. */
export async function loadCorpus(directory: string): Promise<EvalCase[]> {
  const names = (await readdir(directory)).filter((name) => name.endsWith('.yaml')).sort();
  const cases: EvalCase[] = [];
  for (const name of names) {
    const entries = parse(await readFile(path.join(directory, name), 'utf8')) as unknown;
    const parsed = z.array(evalCaseSchema).safeParse(entries);
    if (!parsed.success) {
      throw new Error(`${name}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    }
    cases.push(...parsed.data);
  }
  const ids = new Set<string>();
  for (const item of cases) {
    if (ids.has(item.id)) {
      throw new Error(`duplicate case id ${item.id}`);
    }
    ids.add(item.id);
  }
  return cases;
}
