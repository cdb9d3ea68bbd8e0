import type { Flow } from '../flows/flow.ts';
import type { FlowStep } from '../flows/flow-schema.ts';
import { commitmentKey, findCommitments } from './find-commitments.ts';

const cache = new WeakMap<Flow, ReadonlySet<string>>();

/**
 * Lists the prices and promises the flow's owner wrote in its FAQ answers, step texts and
 * settings messages, as `commitmentKey` values. Only these may appear in a reply.
 */
export function listAllowedCommitments(flow: Flow): ReadonlySet<string> {
  const cached = cache.get(flow);
  if (cached !== undefined) {
    return cached;
  }
  const texts = [
    ...flow.faq.map((entry) => entry.answer),
    ...Object.values(flow.settings.messages),
    ...[...flow.steps.values()].flatMap(textsOf),
  ];
  const allowed = new Set(
    texts.flatMap((text) => findCommitments(text).map((found) => commitmentKey(found.text))),
  );
  cache.set(flow, allowed);
  return allowed;
}

function textsOf(step: FlowStep): string[] {
  switch (step.type) {
    case 'ask':
      return [step.prompt ?? '', step.reprompt ?? ''];
    case 'booking':
      return [step.text, step.no_link_text ?? ''];
    case 'branch':
      return [];
    case 'end':
      return [step.text ?? ''];
    default:
      return [step.text];
  }
}
