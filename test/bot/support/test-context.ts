import { createFlowCatalog } from '../../../bot/flows/flow-catalog.ts';
import type { FlowCatalog } from '../../../bot/flows/flow-catalog.ts';
import type { Flow } from '../../../bot/flows/flow.ts';
import { formatFlowProblem } from '../../../bot/flows/flow-problem.ts';
import { parseFlow } from '../../../bot/flows/parse-flow.ts';
import type { ConversationContext } from '../../../bot/engine/reply-engine.ts';

/** Tuesday, March 4, 2025 at 10:30 in Chicago (CST, UTC-6). */
export const fixedNow = new Date('2025-03-04T16:30:00Z');
export const timeZone = 'America/Chicago';
export const bookingLink = 'https://book.example.com/ace';

export function createTestContext(
  overrides: Partial<ConversationContext> = {},
): ConversationContext {
  return {
    business: {
      name: 'Ace Plumbing',
      phoneNumber: '+13125550100',
      bookingLink,
      timeZone,
    },
    contact: { phone: '+13125550142', name: null, email: null },
    now: fixedNow,
    ...overrides,
  };
}

/** Parses a flow from YAML source, failing the test with the problems when it is invalid. */
export function flowFromYaml(source: string, file = 'test.yaml'): Flow {
  const result = parseFlow(source, file);
  if (!result.ok) {
    throw new Error(result.problems.map(formatFlowProblem).join('\n'));
  }
  return result.flow;
}

export function catalogFromYaml(...sources: string[]): FlowCatalog {
  return createFlowCatalog(sources.map((source) => flowFromYaml(source)));
}
