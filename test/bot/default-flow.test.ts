import { beforeAll, describe, expect, it } from 'vitest';
import { createFlowEngine } from '../../bot/engine/create-flow-engine.ts';
import type { TurnResult } from '../../bot/engine/reply-engine.ts';
import type { FlowCatalog } from '../../bot/flows/flow-catalog.ts';
import { loadFlows } from '../../bot/flows/load-flows.ts';
import { lastOf, runConversation } from './support/run-conversation.ts';
import { bookingLink, createTestContext } from './support/test-context.ts';

let catalog: FlowCatalog;

beforeAll(async () => {
  catalog = (await loadFlows('flows')).catalog;
});

describe('default flow', () => {
  it('qualifies a lead and sends the booking link with a summary', async () => {
    const messages = ['my water heater is leaking', 'Ana Ruiz here', 'its 60614', 'tmrw at 3pm'];

    const results = await runConversation(catalog, 'default', messages);

    expect(results.map((result) => result.replies)).toEqual([
      ["Thanks, we can help with that. What's your name?"],
      ["Thanks Ana! What's the ZIP code where you need service?"],
      ['When works best for a visit? For example "tomorrow morning" or "Fri at 2pm".'],
      [
        'Got it: water heater is leaking in 60614, Wed, Mar 5 at 3 PM. ' +
          `Pick your exact time here: ${bookingLink}`,
      ],
    ]);
    const last = lastOf(results);
    expect(last.outcome).toBe('qualified');
    expect(last.state.stepId).toBeNull();
    expect(last.state.slots).toEqual({
      need: 'water heater is leaking',
      name: 'Ana Ruiz',
      zip: '60614',
      preferred_time: '2025-03-05T15:00:00-06:00',
      preferred_time_label: 'Wed, Mar 5 at 3 PM',
      urgency: 'normal',
    });
  });

  it('fills several slots from one message', async () => {
    const messages = ['Ana, leaking heater, tomorrow 9am'];

    const result = lastOf(await runConversation(catalog, 'default', messages));

    expect(result.state.slots.name).toBe('Ana');
    expect(result.state.slots.need).toBe('leaking heater');
    expect(result.state.slots.preferred_time).toBe('2025-03-05T09:00:00-06:00');
    expect(result.state.stepId).toBe('ask_zip');
    expect(result.replies).toEqual(["Thanks Ana! What's the ZIP code where you need service?"]);
  });

  it('hands an emergency to a person and marks urgency', async () => {
    const results = await runConversation(catalog, 'default', ['basement is FLOODING help']);

    const result = lastOf(results);

    expect(result.outcome).toBe('needs_human');
    expect(result.handoffReason).toBe('Lead reported an emergency');
    expect(result.state.slots.urgency).toBe('emergency');
    expect(result.replies[0]).toMatch(/^That sounds urgent. Someone from Ace Plumbing will call/);
  });

  it('keeps the name from a request for a person', async () => {
    const messages = ["hi, I'm John Smith. can I speak to a real person please?"];

    const result = lastOf(await runConversation(catalog, 'default', messages));

    expect(result.outcome).toBe('needs_human');
    expect(result.handoffReason).toBe('Lead asked for a person');
    expect(result.state.slots.name).toBe('John Smith');
    expect(result.state.slots.need).toBeUndefined();
    expect(result.summary).toBe('John Smith');
  });

  it('reads the waiting name from a request for a person', async () => {
    const messages = ['leaky faucet', "It's John Smith, can someone call me?"];

    const result = lastOf(await runConversation(catalog, 'default', messages));

    expect(result.outcome).toBe('needs_human');
    expect(result.state.slots.name).toBe('John Smith');
    expect(result.summary).toBe('leaky faucet · John Smith');
  });

  it('applies a correction in a request for a person after booking', async () => {
    const messages = ['leaky faucet', 'Ana', '60614', 'tomorrow at 9am'];
    const correction = 'actually my name is Anna Ruiz, can you call me?';

    const last = lastOf(await runConversation(catalog, 'default', [...messages, correction]));

    expect(last.outcome).toBe('needs_human');
    expect(last.handoffReason).toBe('Lead asked for a person');
    expect(last.state.slots.name).toBe('Anna Ruiz');
  });

  it('updates the time after booking when the lead corrects it', async () => {
    const messages = ['leaky faucet', 'Ana', '60614', 'tomorrow at 9am', 'actually Thursday'];

    const results = await runConversation(catalog, 'default', messages);

    const last = lastOf(results);
    expect(last.replies).toEqual(['Got it, I updated that.']);
    expect(last.state.slots.preferred_time).toBe('2025-03-06T09:00:00-06:00');
    expect(last.state.slots.preferred_time_label).toBe('Thu, Mar 6 at 9 AM');
    expect(last.outcome).toBeNull();
  });

  it('answers an FAQ question and asks again', async () => {
    const messages = ['leaky faucet', 'how much do you charge?'];

    const results = await runConversation(catalog, 'default', messages);

    const last = lastOf(results);
    expect(last.replies).toEqual([
      'Pricing depends on the job, so the tech gives you a quote before any work starts.',
      "Thanks, we can help with that. What's your name?",
    ]);
    expect(last.state.attempts).toBe(0);
  });

  it('skips the name question for a known contact', async () => {
    const context = createTestContext({
      contact: { phone: '+13125550142', name: 'Ana Ruiz', email: null },
    });

    const results = await runConversation(catalog, 'default', ['clogged drain'], context);

    expect(lastOf(results).state.stepId).toBe('ask_zip');
    expect(lastOf(results).replies).toEqual([
      "Thanks Ana! What's the ZIP code where you need service?",
    ]);
  });
});

describe('default flow after staff hand the lead back', () => {
  const pricingAnswer =
    'Pricing depends on the job, so the tech gives you a quote before any work starts.';

  /** Runs `before`, marks the finished state handed back as the server does, then runs `after`. */
  async function handBackBetween(before: string[], after: string[]): Promise<TurnResult[]> {
    const engine = createFlowEngine({ catalog, startFlowId: 'default' });
    const context = createTestContext();
    let state = lastOf(await runConversation(catalog, 'default', before)).state;
    expect(state.stepId).toBeNull();
    state = { ...state, isHandedBack: true };
    const results: TurnResult[] = [];
    for (const text of after) {
      const result = await engine.handleTurn({ text, state, context });
      results.push(result);
      state = result.state;
    }
    return results;
  }

  it('starts qualifying again when nothing was collected', async () => {
    const results = await handBackBetween(['can I talk to a real person?'], ['my sink is clogged']);

    const result = lastOf(results);
    expect(result.outcome).toBeNull();
    expect(result.replies).toEqual(["Thanks, we can help with that. What's your name?"]);
    expect(result.state.stepId).toBe('ask_name');
    expect(result.state.slots.need).toBe('sink is clogged');
    expect(result.state.isHandedBack).toBeUndefined();
  });

  it('asks the first question still unanswered', async () => {
    const before = ['leaky faucet', 'Ana', 'can someone call me?'];

    const results = await handBackBetween(before, ['60614']);

    const result = lastOf(results);
    expect(result.outcome).toBeNull();
    expect(result.state.slots.zip).toBe('60614');
    expect(result.state.stepId).toBe('ask_time');
    expect(result.replies).toEqual([
      'When works best for a visit? For example "tomorrow morning" or "Fri at 2pm".',
    ]);
  });

  it('answers an FAQ and then offers the booking link again', async () => {
    const before = ['leaky faucet', 'Ana', '60614', 'tomorrow at 9am', 'do you fix dishwashers too'];

    const results = await handBackBetween(before, [
      'how much do you charge?',
      'ok and can you look at the dishwasher',
      'hello??',
    ]);

    const [faq, reoffer, afterReoffer] = results;
    expect(faq?.replies).toEqual([pricingAnswer]);
    expect(faq?.outcome).toBeNull();
    expect(faq?.state.isHandedBack).toBe(true);
    expect(reoffer?.replies).toEqual([
      `Got it: leaky faucet in 60614, Wed, Mar 5 at 9 AM. Pick your exact time here: ${bookingLink}`,
    ]);
    expect(reoffer?.outcome).toBe('qualified');
    expect(reoffer?.state.isHandedBack).toBeUndefined();
    expect(afterReoffer?.outcome).toBe('needs_human');
    expect(afterReoffer?.handoffReason).toBe('Lead wrote after the flow ended');
  });

  it('sends a new request for a person back to staff', async () => {
    const before = ['leaky faucet', 'Ana', '60614', 'tomorrow at 9am', 'do you fix dishwashers too'];

    const results = await handBackBetween(before, ['can I talk to a real person?']);

    expect(lastOf(results).outcome).toBe('needs_human');
    expect(lastOf(results).handoffReason).toBe('Lead asked for a person');
  });

  it('goes to staff when the flow ends with a handoff', async () => {
    const results = await handBackBetween(['basement is FLOODING help'], ['is anyone coming?']);

    expect(lastOf(results).outcome).toBe('needs_human');
    expect(lastOf(results).handoffReason).toBe('Lead wrote after the flow ended');
  });
});

