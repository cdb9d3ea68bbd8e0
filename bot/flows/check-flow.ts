import { findTemplateProblems } from '../templates/render-template.ts';
import { findLinks } from '../guardrails/find-links.ts';
import { findWaitlessLoop } from './find-waitless-loop.ts';
import type { FlowFile, FlowStep, SlotKind } from './flow-schema.ts';

export interface FlowCheckProblem {
  /** Path into the parsed file, such as `['steps', 3, 'next']`. */
  path: (string | number)[];
  message: string;
}

const bookingPlaceholder = /\{\{\s*business\.booking_link\s*(?:\|[^}]*)?\}\}/;

/**
 * Checks what the schema cannot: step references, the start step, slot kinds, templates, links
 * and loops that never wait for the lead. Returns an empty list for a valid flow.
 */
export function checkFlow(file: FlowFile): FlowCheckProblem[] {
  const problems: FlowCheckProblem[] = [];
  const stepIndex = new Map<string, number>();
  file.steps.forEach((step, index) => {
    if (stepIndex.has(step.id)) {
      problems.push({ path: ['steps', index, 'id'], message: `duplicate step id "${step.id}"` });
    } else {
      stepIndex.set(step.id, index);
    }
  });

  const startIndex = stepIndex.get(file.start);
  if (startIndex === undefined) {
    problems.push({ path: ['start'], message: `unknown step "${file.start}"` });
  } else if (file.steps[startIndex]?.type !== 'ask') {
    problems.push({
      path: ['start'],
      message: 'the start step must be an ask step, because the first reply answers it',
    });
  }

  const slotKinds = collectSlotKinds(file, problems);
  const slotNames = [...slotKinds.keys()];
  file.steps.forEach((step, index) => {
    checkReferences(step, index, stepIndex, problems);
    checkStep(step, index, file.start, slotKinds, problems);
    for (const [field, text] of textsOf(step)) {
      checkText(text, ['steps', index, field], slotNames, problems);
    }
  });
  file.faq.forEach((entry, index) => {
    checkText(entry.answer, ['faq', index, 'answer'], slotNames, problems);
  });
  for (const [name, text] of Object.entries(file.settings.messages)) {
    checkText(text, ['settings', 'messages', name], slotNames, problems);
  }

  const loop = findWaitlessLoop(file.steps);
  if (loop !== null) {
    const index = stepIndex.get(loop[0] ?? '') ?? 0;
    problems.push({
      path: ['steps', index],
      message:
        `steps ${loop.join(' -> ')} form a loop with no ask step, ` +
        'so the bot would never wait for the lead',
    });
  }
  return problems;
}

function collectSlotKinds(
  file: FlowFile,
  problems: FlowCheckProblem[],
): Map<string, SlotKind | null> {
  const kinds = new Map<string, SlotKind | null>();
  file.steps.forEach((step, index) => {
    if (step.type !== 'ask') {
      return;
    }
    const known = kinds.get(step.slot);
    if (known !== undefined && known !== step.kind) {
      problems.push({
        path: ['steps', index, 'kind'],
        message: `slot "${step.slot}" is already collected as ${known}; one slot has one kind`,
      });
    }
    kinds.set(step.slot, step.kind);
  });
  for (const step of file.steps) {
    if (step.type !== 'ask' && step.set !== undefined) {
      for (const name of Object.keys(step.set)) {
        if (!kinds.has(name)) {
          kinds.set(name, null);
        }
      }
    }
  }
  return kinds;
}

function checkReferences(
  step: FlowStep,
  index: number,
  stepIndex: Map<string, number>,
  problems: FlowCheckProblem[],
): void {
  const references: [(string | number)[], string][] = [];
  if (step.type === 'message') {
    references.push([['next'], step.next]);
  } else if (step.type === 'ask') {
    references.push([['next'], step.next]);
    if (step.on_fail !== undefined) {
      references.push([['on_fail'], step.on_fail]);
    }
  } else if (step.type === 'branch') {
    step.when.forEach((rule, ruleIndex) => {
      references.push([['when', ruleIndex, 'next'], rule.next]);
    });
    references.push([['default'], step.default]);
  }
  for (const [field, target] of references) {
    if (!stepIndex.has(target)) {
      problems.push({ path: ['steps', index, ...field], message: `unknown step "${target}"` });
    }
  }
}

function checkStep(
  step: FlowStep,
  index: number,
  startId: string,
  slotKinds: Map<string, SlotKind | null>,
  problems: FlowCheckProblem[],
): void {
  if (step.type === 'ask') {
    if (step.kind === 'choice' && step.choices === undefined) {
      problems.push({ path: ['steps', index, 'choices'], message: 'a choice slot needs choices' });
    }
    if (step.kind !== 'choice' && step.choices !== undefined) {
      problems.push({
        path: ['steps', index, 'choices'],
        message: `choices apply only to kind choice, not ${step.kind}`,
      });
    }
    if (step.prompt === undefined && step.id !== startId) {
      problems.push({ path: ['steps', index, 'prompt'], message: 'missing prompt' });
    }
  }
  if (step.type === 'branch') {
    step.when.forEach((rule, ruleIndex) => {
      if (rule.slot !== undefined && !slotKinds.has(rule.slot)) {
        problems.push({
          path: ['steps', index, 'when', ruleIndex, 'slot'],
          message: `unknown slot "${rule.slot}"; no ask or set step fills it`,
        });
      }
    });
  }
  if (step.type === 'booking' && !bookingPlaceholder.test(step.text)) {
    problems.push({
      path: ['steps', index, 'text'],
      message: 'a booking text must contain {{business.booking_link}}',
    });
  }
}

function textsOf(step: FlowStep): [string, string][] {
  const texts: [string, string | undefined][] = [];
  if (step.type === 'ask') {
    texts.push(['prompt', step.prompt], ['reprompt', step.reprompt]);
  } else if (step.type === 'booking') {
    texts.push(['text', step.text], ['no_link_text', step.no_link_text]);
  } else if (step.type !== 'branch') {
    texts.push(['text', step.text]);
  }
  return texts.filter((entry): entry is [string, string] => entry[1] !== undefined);
}

function checkText(
  text: string,
  path: (string | number)[],
  slotNames: string[],
  problems: FlowCheckProblem[],
): void {
  for (const problem of findTemplateProblems(text, { slotNames })) {
    problems.push({ path, message: `${problem.placeholder}: ${problem.message}` });
  }
  for (const link of findLinks(replacePlaceholders(text))) {
    problems.push({
      path,
      message: `contains the link "${link.text}"; only {{business.booking_link}} may be sent`,
    });
  }
}

/**
 * Replaces each `{{name | "fallback"}}` with its fallback between spaces, so that placeholder
 * names such as `business.name` are not read as links but a link in a fallback still is.
 */
function replacePlaceholders(text: string): string {
  return text.replace(/\{\{[^{}]*\}\}/g, (placeholder) => {
    const fallback = /\|\s*"([^"{}]*)"/.exec(placeholder)?.[1] ?? '';
    return ` ${fallback} `;
  });
}
