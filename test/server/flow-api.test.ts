import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFlowRegistry } from '../../server/flows/flow-registry.ts';
import { listFlowVersions } from '../../server/flows/flow-repo.ts';
import { createLogger } from '../../server/lib/logger.ts';
import { startFakeTwilio } from '../support/fake-twilio.ts';
import type { FakeTwilio } from '../support/fake-twilio.ts';
import { callParams, seedBusiness, smsParams } from '../support/seed.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { flowsDir } from '../support/test-engine.ts';

let database: TestDatabase;
let twilio: FakeTwilio;
let testApp: TestApp;
let businessId: string;
let defaultSource: string;

const namePrompt = "Thanks, we can help with that. What's your name?";
const editedPrompt = 'Happy to help! Who am I texting with?';
const zipPrompt = `Thanks {{contact.first_name | "there"}}! What's the ZIP code where you need service?`;
const editedZipPrompt = 'What ZIP code is the job in?';

beforeAll(async () => {
  database = await createTestDatabase();
  twilio = await startFakeTwilio();
  defaultSource = await readFile(path.join(flowsDir, 'default.yaml'), 'utf8');
});

afterAll(async () => {
  await twilio.close();
  await database.close();
});

beforeEach(async () => {
  await database.reset();
  twilio.messages.length = 0;
  testApp = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
  businessId = (await seedBusiness(database.db)).id;
});

const smallFlow = `id: intake
version: "1"
name: Intake
start: need
steps:
  need: { type: ask, slot: need, kind: text, next: ask_name }
  ask_name: { type: ask, slot: name, kind: name, prompt: "Name please?", next: done }
  done: { type: end, text: "Thanks {{contact.first_name}}!", outcome: qualified }
`;

async function textAsLead(app: TestApp, body: string, from?: string): Promise<string[]> {
  const before = twilio.messages.length;
  await app.postWebhook('/webhooks/twilio/sms', smsParams(body, from ? { From: from } : {}));
  await app.ctx.tasks.drain();
  return twilio.messages.slice(before).map((message) => message.body);
}

async function missCall(app: TestApp, from?: string): Promise<void> {
  const params = callParams(from ? { From: from, Caller: from } : {});
  await app.postWebhook('/webhooks/twilio/voice', params);
  await app.postWebhook('/webhooks/twilio/voice/dial-status', { ...params, DialCallStatus: 'no-answer' });
  await app.ctx.tasks.drain();
}

describe('flow API', () => {
  it('lists the flows seeded from the files', async () => {
    const response = await testApp.api().get('/api/flows');

    expect(response.status).toBe(200);
    const ids = response.body.flows.map((flow: { id: string }) => flow.id);
    expect(ids).toEqual(['default', 'dental', 'hvac-emergency']);
  });

  it('reads a flow with its current source', async () => {
    const response = await testApp.api().get('/api/flows/default');

    expect(response.status).toBe(200);
    expect(response.body.flow.source).toBe(defaultSource);
    expect(response.body.flow.version.number).toBe(1);
    expect(response.body.flow.version.origin).toBe('file');
    expect(response.body.flow.overview.start).toBe('need');
  });

  it('answers 404 for an unknown flow', async () => {
    const response = await testApp.api().get('/api/flows/nope');

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
  });

  it('validates without saving and locates each problem', async () => {
    const broken = smallFlow.replace('next: done }', 'next: finish }').replace('kind: name', 'kind: nmae');

    const response = await testApp.api().post('/api/flows/validate').send({ source: broken });

    expect(response.status).toBe(200);
    expect(response.body.valid).toBe(false);
    expect(response.body.problems).toContainEqual(
      expect.objectContaining({ line: 7, stepId: 'ask_name', field: 'kind' }),
    );
    const list = await testApp.api().get('/api/flows');
    expect(list.body.flows).toHaveLength(3);
  });

  it('reports a valid flow with its overview', async () => {
    const response = await testApp.api().post('/api/flows/validate').send({ source: smallFlow });

    expect(response.body.valid).toBe(true);
    expect(response.body.flow.id).toBe('intake');
    expect(response.body.flow.stepCount).toBe(3);
  });

  it('creates a flow and refuses its id twice', async () => {
    const created = await testApp.api().post('/api/flows').send({ source: smallFlow });
    const again = await testApp.api().post('/api/flows').send({ source: smallFlow });

    expect(created.status).toBe(201);
    expect(created.body.version.number).toBe(1);
    expect(created.body.version.origin).toBe('api');
    expect(again.status).toBe(409);
  });

  it('rejects an invalid save with the problems in details', async () => {
    const response = await testApp
      .api()
      .post('/api/flows/default/versions')
      .send({ source: defaultSource.replace('next: ask_zip', 'next: ask_zipp') });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_flow');
    expect(response.body.error.details).toContainEqual(
      expect.objectContaining({ stepId: 'ask_name', field: 'next', message: 'unknown step "ask_zipp"' }),
    );
  });

  it('rejects a source whose id is another flow', async () => {
    const response = await testApp.api().post('/api/flows/default/versions').send({ source: smallFlow });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('The source has id "intake" but is saved to flow "default"');
  });

  it('saves versions and makes an earlier one current again', async () => {
    const edited = defaultSource.replace(namePrompt, editedPrompt);

    const saved = await testApp.api().post('/api/flows/default/versions').send({ source: edited });
    const reverted = await testApp
      .api()
      .post('/api/flows/default/versions')
      .send({ source: defaultSource });

    expect(saved.status).toBe(201);
    expect(saved.body.version.number).toBe(2);
    expect(reverted.status).toBe(200);
    expect(reverted.body.version.number).toBe(1);
    const versions = await testApp.api().get('/api/flows/default/versions');
    expect(versions.body.versions.map((version: { number: number }) => version.number)).toEqual([2, 1]);
    const current = await testApp.api().get('/api/flows/default');
    expect(current.body.flow.currentHash).toBe(reverted.body.version.hash);
    const old = await testApp.api().get(`/api/flows/default/versions/${saved.body.version.hash}`);
    expect(old.body.version.source).toBe(edited);
  });

  it("chooses a business's flow", async () => {
    const chosen = await testApp
      .api()
      .put(`/api/businesses/${businessId}/flow`)
      .send({ flowId: 'dental' });
    const unknown = await testApp
      .api()
      .put(`/api/businesses/${businessId}/flow`)
      .send({ flowId: 'missing' });

    expect(chosen.status).toBe(200);
    expect(chosen.body.business.flowId).toBe('dental');
    expect(unknown.status).toBe(404);
  });

  it('runs a test chat turn by turn without texting anyone', async () => {
    const first = await testApp
      .api()
      .post('/api/flows/test-chat')
      .send({ flowId: 'default', businessId, text: 'hi my water heater is leaking, this is Ana' });
    const second = await testApp
      .api()
      .post('/api/flows/test-chat')
      .send({ flowId: 'default', businessId, state: first.body.state, text: '60614' });

    expect(first.status).toBe(200);
    expect(first.body.replies).toEqual(["Thanks Ana! What's the ZIP code where you need service?"]);
    expect(second.body.replies[0]).toMatch(/^When works best for a visit/);
    expect(second.body.summary).toBe('In progress: water heater is leaking · Ana · ZIP 60614');
    expect(second.body.log.length).toBeGreaterThan(0);
    expect(twilio.messages).toHaveLength(0);
  });

  it('runs a test chat on an unsaved draft', async () => {
    const response = await testApp
      .api()
      .post('/api/flows/test-chat')
      .send({ source: smallFlow, text: 'clogged drain' });

    expect(response.status).toBe(200);
    expect(response.body.replies).toEqual(['Name please?']);
    expect(response.body.state.flowId).toBe('intake');
  });

  it('echoes no link the lead sent', async () => {
    const links = ['evil.shop/pay', 'evil.de/x', 'x_evil.com/login', 'pay@evil.com/phish'];
    const turns = [
      `my toilet overflowed, details at ${links.join(' and ')}, this is Ana`,
      '55501',
      'tomorrow at 3pm',
    ];
    const replies: string[] = [];
    let state: unknown;

    for (const text of turns) {
      const response = await testApp
        .api()
        .post('/api/flows/test-chat')
        .send({ flowId: 'default', businessId, state, text });
      expect(response.status).toBe(200);
      replies.push(...response.body.replies);
      state = response.body.state;
    }

    const booking = replies.find((reply) => reply.startsWith('Got it:'));
    expect(booking).toContain('toilet overflowed');
    for (const link of ['evil.shop', 'evil.de', 'evil.com']) {
      expect(replies.join('\n')).not.toContain(link);
    }
  });

  it('rejects a test chat on an invalid draft', async () => {
    const response = await testApp
      .api()
      .post('/api/flows/test-chat')
      .send({ source: 'id: x', text: 'hello' });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_flow');
  });
});

// Nine aliases per level over six levels expand to 9^6 strings; 365 characters in all.
const aliasBomb = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
`;

describe('flow sources the YAML parser cannot convert', () => {
  const sources = [
    ['an alias bomb', aliasBomb, /^invalid YAML: Excessive alias count/],
    ['an unresolved alias', smallFlow.replace('name: Intake', 'name: *missing'), /^invalid YAML/],
    ['a NUL byte', smallFlow.replace('Name please?', 'Name\0 please?'), /U\+0000/],
  ] as const;

  it.each(sources)('reports %s as a problem on validate', async (_name, source, message) => {
    const response = await testApp.api().post('/api/flows/validate').send({ source });

    expect(response.status).toBe(200);
    expect(response.body.valid).toBe(false);
    expect(response.body.problems[0].message).toMatch(message);
  });

  it.each(sources)('rejects %s on save', async (_name, source) => {
    const response = await testApp.api().post('/api/flows').send({ source });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_flow');
  });

  it.each(sources)('rejects %s in a test chat', async (_name, source) => {
    const response = await testApp
      .api()
      .post('/api/flows/test-chat')
      .send({ source, text: 'hello' });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_flow');
  });
});

describe('flow version pinning', () => {
  it('keeps a conversation on its version across an edit and a restart', async () => {
    await missCall(testApp);
    await textAsLead(testApp, 'clogged drain');
    const edited = defaultSource.replace(namePrompt, editedPrompt).replace(zipPrompt, editedZipPrompt);
    const saved = await testApp.api().post('/api/flows/default/versions').send({ source: edited });
    expect(saved.status).toBe(201);

    const restarted = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
    const pinned = await textAsLead(restarted, 'Ana');
    const otherLead = '+15555550177';
    await missCall(restarted, otherLead);
    const fresh = await textAsLead(restarted, 'clogged drain', otherLead);

    expect(pinned).toEqual(["Thanks Ana! What's the ZIP code where you need service?"]);
    expect(fresh).toEqual([editedPrompt]);
  });

  it('applies a changed file only while nobody edited the flow through the API', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'textback-flows-'));
    const log = createLogger('silent');
    try {
      await writeFile(path.join(directory, 'intake.yaml'), smallFlow);
      await createFlowRegistry({ db: database.db, flowsDir: directory, log });
      await writeFile(path.join(directory, 'intake.yaml'), smallFlow.replace('Name please?', 'Your name?'));

      const followed = await createFlowRegistry({ db: database.db, flowsDir: directory, log });
      const apiEdit = smallFlow.replace('Name please?', 'Who is this?');
      await testApp.api().post('/api/flows/intake/versions').send({ source: apiEdit });
      await writeFile(path.join(directory, 'intake.yaml'), smallFlow.replace('Name please?', 'Nombre?'));
      const kept = await createFlowRegistry({ db: database.db, flowsDir: directory, log });

      const promptOf = (registry: typeof kept) => {
        const step = registry.catalogFor(null).current.get('intake')?.steps.get('ask_name');
        return step?.type === 'ask' ? step.prompt : undefined;
      };
      expect(promptOf(followed)).toBe('Your name?');
      expect(promptOf(kept)).toBe('Who is this?');
      expect(await listFlowVersions(database.db, 'intake')).toHaveLength(3);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
