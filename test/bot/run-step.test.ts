import { describe, expect, it } from 'vitest';
import { buildTemplateFields } from '../../bot/engine/build-template-fields.ts';
import type { SlotValue } from '../../bot/engine/reply-engine.ts';
import type { Flow } from '../../bot/flows/flow.ts';
import { answerAskStep } from '../../bot/steps/answer-ask-step.ts';
import { runStep } from '../../bot/steps/run-step.ts';
import type { StepContext } from '../../bot/steps/step-result.ts';
import { renderTemplate } from '../../bot/templates/render-template.ts';
import { bookingLink, createTestContext, flowFromYaml } from './support/test-context.ts';

const flow = flowFromYaml(`id: steps
version: "1"
name: Every step type
start: need
steps:
  need: { type: ask, slot: need, kind: text, next: hello }
  hello: { type: message, text: "Hi from {{business.name}}!", next: route }
  route:
    type: branch
    when:
      - { slot: urgent, equals: yes, next: rush }
      - { slot: need, contains_any: [install, new unit], next: book }
    default: pick
  pick:
    type: ask
    slot: plan
    kind: choice
    prompt: "Reply 1 for repair or 2 for install"
    choices: [repair, install]
    next: urgent_check
  urgent_check: { type: ask, slot: urgent, kind: yesno, prompt: Is it urgent?, next: route }
  rush: { type: handoff, text: Calling you now., reason: Urgent job, set: { urgency: high } }
  book: { type: booking, text: "Book: {{business.booking_link}}" }
  bye: { type: end, outcome: discarded }
`);

const conversation = createTestContext();

function contextWith(
  slots: Record<string, SlotValue>,
  link: string | null = bookingLink,
): StepContext {
  const context = { ...conversation, business: { ...conversation.business, bookingLink: link } };
  return {
    flow,
    slots,
    bookingLink: link,
    openNow: true,
    render: (template, current) =>
      renderTemplate(template, buildTemplateFields(flow, context, current)),
  };
}

function stepOf(target: Flow, id: string) {
  const step = target.steps.get(id);
  if (step === undefined) {
    throw new Error(`No step ${id}`);
  }
  return step;
}

describe('runStep', () => {
  it('sends a message step and continues', () => {
    const result = runStep(stepOf(flow, 'hello'), contextWith({}));

    expect(result.replies).toEqual(['Hi from Ace Plumbing!']);
    expect(result.transition).toEqual({ kind: 'continue', stepId: 'route' });
  });

  it('branches on the first matching rule', () => {
    const urgent = runStep(stepOf(flow, 'route'), contextWith({ urgent: true }));
    const install = runStep(stepOf(flow, 'route'), contextWith({ need: 'New unit please' }));
    const other = runStep(stepOf(flow, 'route'), contextWith({ need: 'leak' }));

    expect(urgent.transition).toEqual({ kind: 'continue', stepId: 'rush' });
    expect(install.transition).toEqual({ kind: 'continue', stepId: 'book' });
    expect(other.transition).toEqual({ kind: 'continue', stepId: 'pick' });
    expect(other.log[0]?.message).toBe('Branched by the default to "pick"');
  });

  it('asks an ask step and waits', () => {
    const result = runStep(stepOf(flow, 'pick'), contextWith({}));

    expect(result.replies).toEqual(['Reply 1 for repair or 2 for install']);
    expect(result.transition).toEqual({ kind: 'wait', stepId: 'pick' });
  });

  it('skips an ask step whose slot is filled', () => {
    const result = runStep(stepOf(flow, 'pick'), contextWith({ plan: 'repair' }));

    expect(result.replies).toEqual([]);
    expect(result.transition).toEqual({ kind: 'continue', stepId: 'urgent_check' });
  });

  it('sends the booking link and qualifies', () => {
    const result = runStep(stepOf(flow, 'book'), contextWith({}));

    expect(result.replies).toEqual([`Book: ${bookingLink}`]);
    expect(result.transition).toEqual({
      kind: 'finish',
      outcome: 'qualified',
      handoffReason: null,
    });
  });

  it('sends the no-link text when the business has no booking link', () => {
    const result = runStep(stepOf(flow, 'book'), contextWith({}, null));

    expect(result.replies).toEqual([
      'Thanks! Someone from Ace Plumbing will text you shortly to set up a time.',
    ]);
    expect(result.transition.kind).toBe('finish');
  });

  it('hands off with its reason and set values', () => {
    const result = runStep(stepOf(flow, 'rush'), contextWith({}));

    expect(result.replies).toEqual(['Calling you now.']);
    expect(result.slotUpdates).toEqual({ urgency: 'high' });
    expect(result.transition).toEqual({
      kind: 'finish',
      outcome: 'needs_human',
      handoffReason: 'Urgent job',
    });
  });

  it('ends without a reply when the end step has no text', () => {
    const result = runStep(stepOf(flow, 'bye'), contextWith({}));

    expect(result.replies).toEqual([]);
    expect(result.transition).toEqual({
      kind: 'finish',
      outcome: 'discarded',
      handoffReason: null,
      discardReason: 'Ended at step "bye"',
    });
  });
});

describe('answerAskStep', () => {
  const pick = stepOf(flow, 'pick');
  if (pick.type !== 'ask') {
    throw new Error('pick must be an ask step');
  }
  const answer = (text: string, attempts = 0, wasUseful = false) =>
    answerAskStep(pick, {
      ...contextWith({}),
      conversation,
      text,
      remainder: text,
      attempts,
      wasUseful,
    });

  it('fills the slot and continues', () => {
    const result = answer('2');

    expect(result.slotUpdates).toEqual({ plan: 'install' });
    expect(result.transition).toEqual({ kind: 'continue', stepId: 'urgent_check' });
    expect(result.attempts).toBe(0);
  });

  it('reprompts and counts a failed answer', () => {
    const result = answer('banana');

    expect(result.replies).toEqual(['Sorry, which one? You can reply with the number.']);
    expect(result.attempts).toBe(1);
  });

  it('asks again without counting when the message was useful', () => {
    const result = answer('banana', 1, true);

    expect(result.replies).toEqual(['Reply 1 for repair or 2 for install']);
    expect(result.attempts).toBe(1);
  });

  it('hands off after the retry limit', () => {
    const result = answer('banana', 2);

    expect(result.transition).toEqual({
      kind: 'finish',
      outcome: 'needs_human',
      handoffReason: 'No valid choice answer for slot "plan" after 3 tries',
    });
  });
});
