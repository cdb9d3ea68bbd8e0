import { describe, expect, it } from 'vitest';
import { createFlowEngine } from '../../bot/engine/create-flow-engine.ts';
import { parseFlow } from '../../bot/flows/parse-flow.ts';
import { lastOf, runConversation } from './support/run-conversation.ts';
import { catalogFromYaml, createTestContext } from './support/test-context.ts';

const serviceFlow = `id: service
version: "1"
name: Service area and hours
start: need
faq:
  - keywords: [trip fee, fee]
    answer: The trip fee is $89, waived if you book the repair.
steps:
  need: { type: ask, slot: need, kind: text, next: ask_zip }
  ask_zip: { type: ask, slot: zip, kind: zip, prompt: "What's your ZIP code?", next: area }
  area:
    type: branch
    when:
      - { slot: zip, zip_in: ["606", "60201"], next: hours }
    default: outside
  outside:
    type: end
    text: Sorry, we don't cover that area.
    outcome: discarded
    reason: Outside the service area
  hours:
    type: branch
    when:
      - { open_now: true, next: book }
    default: after_hours
  after_hours:
    type: handoff
    text: We're closed now, we'll text you first thing.
    reason: After hours
  book: { type: booking, text: "Got it: {{slots.need}}. Book: {{business.booking_link}}" }
`;

// Tuesday 10:30 in Chicago, the test clock, falls inside these hours.
const openHours = { tue: [{ open: '08:00', close: '17:00' }] };
const closedHours = { mon: [{ open: '08:00', close: '17:00' }] };

describe('branching on service area and business hours', () => {
  it('books a lead inside the area during opening hours', async () => {
    const context = createTestContext();
    context.business.hours = openHours;

    const results = await runConversation(catalogFromYaml(serviceFlow), 'service', ['leak', '60614'], context);

    expect(lastOf(results).outcome).toBe('qualified');
  });

  it('hands off a lead inside the area after hours', async () => {
    const context = createTestContext();
    context.business.hours = closedHours;

    const results = await runConversation(catalogFromYaml(serviceFlow), 'service', ['leak', '60201'], context);

    expect(lastOf(results).outcome).toBe('needs_human');
    expect(lastOf(results).handoffReason).toBe('After hours');
  });

  it('discards a lead outside the area with the reason', async () => {
    const results = await runConversation(catalogFromYaml(serviceFlow), 'service', ['leak', '53703']);

    expect(lastOf(results).outcome).toBe('discarded');
    expect(lastOf(results).discardReason).toBe('Outside the service area');
    expect(lastOf(results).replies).toEqual(["Sorry, we don't cover that area."]);
  });

  it('counts a period past midnight as open after midnight', async () => {
    const context = createTestContext({ now: new Date('2025-03-04T07:30:00Z') });
    context.business.hours = { mon: [{ open: '18:00', close: '02:00' }] };

    const results = await runConversation(catalogFromYaml(serviceFlow), 'service', ['leak', '60614'], context);

    expect(lastOf(results).outcome).toBe('qualified');
  });

  it('rejects an open_now rule with a slot', () => {
    const source = serviceFlow.replace('{ open_now: true, next: book }', '{ slot: zip, open_now: true, next: book }');

    const result = parseFlow(source, 'service.yaml');

    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((problem) => problem.message)).toContain(
      'a rule needs a slot, except an open_now rule, which takes none',
    );
  });
});

describe('guardrails in a conversation', () => {
  it('drops a price the lead wrote but keeps the FAQ price', async () => {
    const context = createTestContext();
    context.business.hours = openHours;

    const results = await runConversation(
      catalogFromYaml(serviceFlow),
      'service',
      ['fix my sink for $50 guaranteed', 'is there a trip fee? 60614'],
      context,
    );

    const replies = results.flatMap((result) => result.replies);
    expect(replies).toContain('The trip fee is $89, waived if you book the repair.');
    expect(replies.at(-1)).toBe('Got it: fix my sink for. Book: https://book.example.com/ace');
    expect(replies.join(' ')).not.toMatch(/\$50|guaranteed/);
  });
});

describe('media without text', () => {
  it('thanks for the picture and asks the first question again without a retry', async () => {
    const catalog = catalogFromYaml(serviceFlow);
    const engine = createFlowEngine({ catalog, startFlowId: 'service' });
    const context = createTestContext();

    const result = await engine.handleTurn({ text: '', mediaCount: 1, state: null, context });

    expect(result.replies).toEqual(['Thanks for the picture!', 'Could you tell me a bit more?']);
    expect(result.state.stepId).toBe('need');
    expect(result.state.attempts).toBe(0);
  });

  it('reads a caption as the answer', async () => {
    const catalog = catalogFromYaml(serviceFlow);
    const engine = createFlowEngine({ catalog, startFlowId: 'service' });
    const context = createTestContext();

    const result = await engine.handleTurn({ text: 'this leak', mediaCount: 1, state: null, context });

    expect(result.state.slots.need).toBe('this leak');
    expect(result.replies).toEqual(["What's your ZIP code?"]);
  });

  it('hands a picture sent after the end to a person', async () => {
    const catalog = catalogFromYaml(serviceFlow);
    const engine = createFlowEngine({ catalog, startFlowId: 'service' });
    const context = createTestContext();
    const ended = lastOf(await runConversation(catalog, 'service', ['leak', '53703'], context));

    const result = await engine.handleTurn({ text: '', mediaCount: 2, state: ended.state, context });

    expect(result.outcome).toBe('needs_human');
    expect(result.handoffReason).toBe('Lead sent a picture after the flow ended');
    expect(result.replies).toEqual(['Thanks for the picture!']);
  });
});
