import { describe, expect, it } from 'vitest';
import { createFlowEngine } from '../../bot/engine/create-flow-engine.ts';
import { createFlowCatalog } from '../../bot/flows/flow-catalog.ts';
import { lastOf, runConversation } from './support/run-conversation.ts';
import { catalogFromYaml, createTestContext, flowFromYaml } from './support/test-context.ts';

const intakeFlow = `id: intake
version: "1"
name: Intake
start: need
steps:
  need: { type: ask, slot: need, kind: text, next: ask_time }
  ask_time:
    type: ask
    slot: preferred_time
    kind: datetime
    prompt: When works for you?
    next: ask_name
  ask_name:
    type: ask
    slot: name
    kind: name
    prompt: What's your name?
    reprompt: Sorry, what's your name?
    retries: 1
    next: done
  done:
    type: end
    text: Thanks {{contact.first_name}}, see you {{slots.preferred_time}}.
    outcome: qualified
`;

describe('createFlowEngine', () => {
  it('updates a filled slot when the lead corrects it mid-flow', async () => {
    const catalog = catalogFromYaml(intakeFlow);

    const messages = ['no hot water', 'tomorrow at 3pm', 'actually Thursday'];

    const results = await runConversation(catalog, 'intake', messages);

    const last = lastOf(results);
    expect(last.state.slots.preferred_time).toBe('2025-03-06T15:00:00-06:00');
    expect(last.replies).toEqual(['Got it, I updated that.', "What's your name?"]);
    expect(last.state.stepId).toBe('ask_name');
    expect(last.state.attempts).toBe(0);
  });

  it('reprompts and then hands off when retries run out', async () => {
    const catalog = catalogFromYaml(intakeFlow);
    const messages = ['no hot water', 'tomorrow at 3pm', 'why?', 'huh?'];

    const results = await runConversation(catalog, 'intake', messages);

    expect(results[2]?.replies).toEqual(["Sorry, what's your name?"]);
    expect(results[2]?.state.attempts).toBe(1);
    const last = lastOf(results);
    expect(last.outcome).toBe('needs_human');
    expect(last.handoffReason).toBe('No valid name answer for slot "name" after 2 tries');
    expect(last.replies).toEqual(['Thanks! Someone from Ace Plumbing will text you shortly.']);
    expect(last.state.stepId).toBeNull();
  });

  it('goes to on_fail when retries run out', async () => {
    const source = intakeFlow
      .replace('    retries: 1\n', '    retries: 0\n    on_fail: anonymous\n')
      .concat('  anonymous: { type: end, text: No problem., outcome: qualified }\n');
    const catalog = catalogFromYaml(source);

    const results = await runConversation(catalog, 'intake', ['leak', 'friday 10am', 'why?']);

    const last = lastOf(results);
    expect(last.replies).toEqual(['No problem.']);
    expect(last.outcome).toBe('qualified');
  });

  it('hands off when the lead asks for a person at any step', async () => {
    const catalog = catalogFromYaml(intakeFlow);

    const messages = ['leak', 'can I talk to a real person?'];

    const results = await runConversation(catalog, 'intake', messages);

    const last = lastOf(results);
    expect(last.outcome).toBe('needs_human');
    expect(last.handoffReason).toBe('Lead asked for a person');
    expect(last.replies).toEqual(['Sure thing. Someone from Ace Plumbing will reach out shortly.']);
  });

  it.each([
    ['wrong number', 'Sorry for the mix-up, thanks for letting us know!'],
    ['not interested anymore', 'No problem, thanks for letting us know!'],
  ])('discards the lead on "%s"', async (text, reply) => {
    const catalog = catalogFromYaml(intakeFlow);

    const results = await runConversation(catalog, 'intake', [text]);

    expect(lastOf(results).outcome).toBe('discarded');
    expect(lastOf(results).replies).toEqual([reply]);
  });

  it('reprompts the first question when only media arrived', async () => {
    const catalog = catalogFromYaml(intakeFlow);

    const results = await runConversation(catalog, 'intake', ['']);

    expect(lastOf(results).replies).toEqual(['Sorry, could you tell me a bit more?']);
    expect(lastOf(results).state.stepId).toBe('need');
  });

  it('keeps a conversation on the flow version it started on', async () => {
    const original = flowFromYaml(intakeFlow);
    const edited = flowFromYaml(intakeFlow.replace('When works for you?', 'What day suits you?'));
    const context = createTestContext();
    const firstEngine = createFlowEngine({
      catalog: createFlowCatalog([original]),
      startFlowId: 'intake',
    });
    const first = await firstEngine.handleTurn({ text: 'leak', state: null, context });
    const reloaded = createFlowCatalog([edited], createFlowCatalog([original]));
    const engine = createFlowEngine({ catalog: reloaded, startFlowId: 'intake' });

    const pinned = await engine.handleTurn({ text: 'gibberish', state: first.state, context });
    const fresh = await engine.handleTurn({ text: 'leak', state: null, context });

    expect(first.state.flowVersion).toBe(original.hash);
    expect(pinned.state.flowVersion).toBe(original.hash);
    expect(fresh.state.flowVersion).toBe(edited.hash);
    expect(fresh.replies).toEqual(['What day suits you?']);
  });

  it('moves to the current version when the pinned one is gone', async () => {
    const edited = flowFromYaml(intakeFlow.replace('When works for you?', 'What day suits you?'));
    const catalog = createFlowCatalog([edited]);
    const engine = createFlowEngine({ catalog, startFlowId: 'intake' });
    const state = {
      flowId: 'intake',
      flowVersion: 'retired',
      stepId: 'ask_time',
      slots: { need: 'leak' },
      attempts: 0,
    };
    const context = createTestContext();

    const result = await engine.handleTurn({ text: 'friday at 2', state, context });

    expect(result.state.flowVersion).toBe(edited.hash);
    expect(result.state.stepId).toBe('ask_name');
    expect(result.log[0]).toEqual({
      level: 'warn',
      message: `Flow version retired is not loaded, continued on ${edited.hash}`,
      stepId: 'ask_time',
    });
  });

  it('hands off with an error log when the flow is not loaded', async () => {
    const engine = createFlowEngine({ catalog: createFlowCatalog([]), startFlowId: 'missing' });

    const context = createTestContext();

    const result = await engine.handleTurn({ text: 'hi', state: null, context });

    expect(result.outcome).toBe('needs_human');
    expect(result.replies).toEqual(['Thanks! Someone from Ace Plumbing will text you shortly.']);
    expect(result.log).toEqual([
      { level: 'error', message: 'Bot engine failed: Flow "missing" is not loaded' },
    ]);
  });

  it('turns an internal error into a handoff instead of throwing', async () => {
    const catalog = catalogFromYaml(intakeFlow);
    const engine = createFlowEngine({ catalog, startFlowId: 'intake' });
    const malformedText = null as unknown as string;

    const context = createTestContext();

    const result = await engine.handleTurn({ text: malformedText, state: null, context });

    expect(result.outcome).toBe('needs_human');
    expect(result.handoffReason).toBe('The bot could not continue');
    expect(result.log.at(-1)?.level).toBe('error');
    expect(result.log.at(-1)?.message).toMatch(/^Bot engine failed: /);
  });
});
