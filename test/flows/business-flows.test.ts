import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTwilio } from '../support/fake-twilio.ts';
import type { FakeTwilio } from '../support/fake-twilio.ts';
import {
  businessNumber,
  callParams,
  leadNumber,
  seedBusiness,
  smsParams,
} from '../support/seed.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { flowsDir } from '../support/test-engine.ts';
import { createWebSession } from '../support/web-session.ts';
import type { WebSession } from '../support/web-session.ts';

const lopezNumber = '+15555550177';
const namePrompt = "Thanks, we can help with that. What's your name?";
const riveraPrompt = 'Rivera here! Who am I texting with?';
const riveraSecondPrompt = 'Rivera again! Your name, please?';
const zipReply = "Thanks Ana! What's the ZIP code where you need service?";

/** A flow only Rivera Plumbing owns. */
const intakeFlow = `id: intake
version: "1"
name: Rivera intake
start: need
steps:
  need: { type: ask, slot: need, kind: text, next: ask_name }
  ask_name: { type: ask, slot: name, kind: name, prompt: "Rivera intake: name please?", next: done }
  done: { type: end, text: "Thanks {{contact.first_name}}!", outcome: qualified }
`;

let database: TestDatabase;
let twilio: FakeTwilio;
let testApp: TestApp;
let defaultSource: string;
let riveraId: string;
let lopezId: string;
let alice: WebSession;
let bob: WebSession;

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
  riveraId = (await seedBusiness(database.db)).id;
  lopezId = (await seedBusiness(database.db, { name: 'Lopez HVAC', phoneNumber: lopezNumber })).id;
  alice = await createWebSession(testApp.app, database.db, {
    businessId: riveraId,
    email: 'alice@rivera.example',
    role: 'owner',
  });
  bob = await createWebSession(testApp.app, database.db, {
    businessId: lopezId,
    email: 'bob@lopez.example',
    role: 'owner',
  });
});

function editDefault(prompt: string): string {
  return defaultSource.replace(namePrompt, prompt);
}

/** Saves the default flow with `prompt` as its name question, through the web app. */
function saveDefault(session: WebSession, prompt: string) {
  return session.post('/app-api/flows/default/versions').send({ source: editDefault(prompt) });
}

interface FlowListBody {
  flows: { id: string; owner: string; currentHash: string }[];
}

function findFlow(body: FlowListBody, id: string) {
  return body.flows.find((flow) => flow.id === id);
}

/** Misses a call from `from` to the business at `to`, so the lead is texted back. */
async function missCall(app: TestApp, to: string, from = leadNumber): Promise<void> {
  const params = callParams({ From: from, Caller: from, To: to, Called: to });
  await app.postWebhook('/webhooks/twilio/voice', params);
  const dialStatus = { ...params, DialCallStatus: 'no-answer' };
  await app.postWebhook('/webhooks/twilio/voice/dial-status', dialStatus);
  await app.ctx.tasks.drain();
}

/** Texts the business at `to` as the lead and returns the bot's replies. */
async function textAsLead(
  app: TestApp,
  to: string,
  body: string,
  from = leadNumber,
): Promise<string[]> {
  const before = twilio.messages.length;
  await app.postWebhook('/webhooks/twilio/sms', smsParams(body, { From: from, To: to }));
  await app.ctx.tasks.drain();
  return twilio.messages.slice(before).map((message) => message.body);
}

describe('business flows in the web app', () => {
  it('saves an owner edit as the business’s own copy', async () => {
    const saved = await saveDefault(alice, riveraPrompt);

    expect(saved.status).toBe(201);
    expect(saved.body.owner).toBe('business');
    expect(saved.body.version.number).toBe(1);
    const riveraList = await alice.get('/app-api/flows');
    const riveraDefault = findFlow(riveraList.body, 'default');
    expect(riveraDefault?.owner).toBe('business');
    expect(riveraDefault?.currentHash).toBe(saved.body.version.hash);
    const template = await testApp.api().get('/api/flows/default');
    expect(template.body.flow.source).toBe(defaultSource);
    expect(template.body.flow.version.number).toBe(1);
  });

  it('shows another business the template, never the copy', async () => {
    const saved = await saveDefault(alice, riveraPrompt);

    const list = await bob.get('/app-api/flows');
    const read = await bob.get('/app-api/flows/default');

    const lopezDefault = findFlow(list.body, 'default');
    expect(lopezDefault?.owner).toBe('template');
    expect(lopezDefault?.currentHash).not.toBe(saved.body.version.hash);
    expect(read.body.flow.owner).toBe('template');
    expect(read.body.flow.current.source).toBe(defaultSource);
    const hashes = read.body.flow.versions.map((version: { hash: string }) => version.hash);
    expect(hashes).not.toContain(saved.body.version.hash);
  });

  it('lists templates and the business’s own flows only', async () => {
    await testApp.api().post(`/api/businesses/${riveraId}/flows`).send({ source: intakeFlow });

    const rivera = await alice.get('/app-api/flows');
    const lopez = await bob.get('/app-api/flows');

    const idsOf = (body: { flows: { id: string }[] }) => body.flows.map((flow) => flow.id);
    expect(idsOf(rivera.body)).toEqual(['default', 'dental', 'hvac-emergency', 'intake']);
    expect(idsOf(lopez.body)).toEqual(['default', 'dental', 'hvac-emergency']);
  });

  it('keeps another business’s own flow out of every flow route', async () => {
    const created = await testApp
      .api()
      .post(`/api/businesses/${riveraId}/flows`)
      .send({ source: intakeFlow });
    const hash = created.body.version.hash as string;
    const pinnedState = {
      flowId: 'intake',
      flowVersion: hash,
      stepId: 'ask_name',
      slots: {},
      attempts: 0,
    };

    const read = await bob.get('/app-api/flows/intake');
    const save = await bob
      .post('/app-api/flows/intake/versions')
      .send({ source: intakeFlow.replace('name please?', 'who is this?') });
    const check = await bob.post('/app-api/flows/check').send({ source: intakeFlow });
    const tried = await bob
      .post('/app-api/flows/try')
      .send({ source: editDefault(namePrompt), text: 'Ana', state: pinnedState });
    const chosen = await bob.patch('/app-api/settings').send({ flowId: 'intake' });

    expect(read.status).toBe(404);
    expect(save.status).toBe(404);
    expect(check.body).toEqual({ valid: true, problems: [] });
    expect(JSON.stringify(tried.body)).not.toContain('Rivera intake');
    expect(chosen.status).toBe(400);
    expect(chosen.body.error.details).toContainEqual(expect.objectContaining({ field: 'flowId' }));
    const lopezSettings = await bob.get('/app-api/settings');
    expect(lopezSettings.body.settings.flowId).toBe('default');
    const riveraVersions = await testApp
      .api()
      .get(`/api/businesses/${riveraId}/flows/intake/versions`);
    expect(riveraVersions.body.versions).toHaveLength(1);
    const riveraChoice = await alice.patch('/app-api/settings').send({ flowId: 'intake' });
    expect(riveraChoice.status).toBe(200);
  });

  it('keeps staff out of the flow editor', async () => {
    const staff = await createWebSession(testApp.app, database.db, {
      businessId: riveraId,
      email: 'sam@rivera.example',
    });

    const list = await staff.get('/app-api/flows');
    const save = await saveDefault(staff, riveraPrompt);

    expect(list.status).toBe(403);
    expect(save.status).toBe(403);
  });

  it('reports an alias bomb as a flow problem in the editor', async () => {
    const bomb = `a: &a [x,x,x,x,x,x,x,x,x]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
`;

    const check = await alice.post('/app-api/flows/check').send({ source: bomb });
    const tried = await alice.post('/app-api/flows/try').send({ source: bomb, text: 'hi' });
    const saved = await alice.post('/app-api/flows/default/versions').send({ source: bomb });

    expect(check.status).toBe(200);
    expect(check.body.problems[0].message).toMatch(/^invalid YAML: Excessive alias count/);
    expect(tried.status).toBe(400);
    expect(saved.status).toBe(400);
  });
});

describe('business flows in conversations', () => {
  it('leaves other businesses on the template after an owner saves', async () => {
    await saveDefault(alice, riveraPrompt);

    await missCall(testApp, lopezNumber);
    const lopezReplies = await textAsLead(testApp, lopezNumber, 'clogged drain');
    await missCall(testApp, businessNumber);
    const riveraReplies = await textAsLead(testApp, businessNumber, 'clogged drain');

    expect(lopezReplies).toEqual([namePrompt]);
    expect(riveraReplies).toEqual([riveraPrompt]);
  });

  it('keeps each conversation on its version across edits and a restart', async () => {
    const firstLead = '+15555550161';
    const secondLead = '+15555550162';
    const thirdLead = '+15555550163';
    await missCall(testApp, businessNumber, firstLead);
    const onTemplate = await textAsLead(testApp, businessNumber, 'clogged drain', firstLead);
    await saveDefault(alice, riveraPrompt);
    await missCall(testApp, businessNumber, secondLead);
    const onCopy = await textAsLead(testApp, businessNumber, 'clogged drain', secondLead);
    await saveDefault(alice, riveraSecondPrompt);

    const restarted = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
    const firstNext = await textAsLead(restarted, businessNumber, 'Ana', firstLead);
    const secondNext = await textAsLead(restarted, businessNumber, 'Ana', secondLead);
    await missCall(restarted, businessNumber, thirdLead);
    const onLatest = await textAsLead(restarted, businessNumber, 'clogged drain', thirdLead);

    expect(onTemplate).toEqual([namePrompt]);
    expect(onCopy).toEqual([riveraPrompt]);
    expect(firstNext).toEqual([zipReply]);
    expect(secondNext).toEqual([zipReply]);
    expect(onLatest).toEqual([riveraSecondPrompt]);
  });
});

describe('business flows across server processes', () => {
  it('starts new conversations on a version saved by another process', async () => {
    const otherProcess = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
    const firstLead = '+15555550164';
    const secondLead = '+15555550165';
    await missCall(otherProcess, businessNumber, firstLead);
    const beforeSave = await textAsLead(otherProcess, businessNumber, 'clogged drain', firstLead);

    await saveDefault(alice, riveraPrompt);
    await missCall(otherProcess, businessNumber, secondLead);
    const afterSave = await textAsLead(otherProcess, businessNumber, 'clogged drain', secondLead);
    const firstNext = await textAsLead(otherProcess, businessNumber, 'Ana', firstLead);

    expect(beforeSave).toEqual([namePrompt]);
    expect(afterSave).toEqual([riveraPrompt]);
    expect(firstNext).toEqual([zipReply]);
  });

  it('lets another process choose a flow saved by this one', async () => {
    const otherProcess = await createTestApp({ db: database.db, fakeTwilioUrl: twilio.url });
    await otherProcess.api().get(`/api/businesses/${riveraId}/flows`);
    await testApp.api().post(`/api/businesses/${riveraId}/flows`).send({ source: intakeFlow });

    const chosen = await otherProcess.api().put(`/api/businesses/${riveraId}/flow`).send({ flowId: 'intake' });

    expect(chosen.status).toBe(200);
  });
});

describe('business flows over the REST API', () => {
  it('saves and reads one business’s flows by path', async () => {
    const saved = await testApp
      .api()
      .post(`/api/businesses/${riveraId}/flows/default/versions`)
      .send({ source: editDefault(riveraPrompt) });

    const rivera = await testApp.api().get(`/api/businesses/${riveraId}/flows/default`);
    const lopez = await testApp.api().get(`/api/businesses/${lopezId}/flows/default`);
    const template = await testApp.api().get('/api/flows/default');
    const lopezPeek = await testApp
      .api()
      .get(`/api/businesses/${lopezId}/flows/default/versions/${saved.body.version.hash}`);
    const unknownId = '00000000-0000-4000-8000-000000000000';
    const unknown = await testApp.api().get(`/api/businesses/${unknownId}/flows`);

    expect(saved.status).toBe(201);
    expect(saved.body.owner).toBe('business');
    expect(rivera.body.flow.owner).toBe('business');
    expect(rivera.body.flow.source).toBe(editDefault(riveraPrompt));
    expect(rivera.body.flow.overview.hash).toBe(saved.body.version.hash);
    expect(lopez.body.flow.owner).toBe('template');
    expect(lopez.body.flow.source).toBe(defaultSource);
    expect(template.body.flow.source).toBe(defaultSource);
    expect(lopezPeek.status).toBe(404);
    expect(unknown.status).toBe(404);
  });

  it('lists one business’s versions apart from the template’s', async () => {
    await testApp
      .api()
      .post(`/api/businesses/${riveraId}/flows/default/versions`)
      .send({ source: editDefault(riveraPrompt) });

    const rivera = await testApp.api().get(`/api/businesses/${riveraId}/flows/default/versions`);
    const template = await testApp.api().get('/api/flows/default/versions');

    expect(rivera.body.owner).toBe('business');
    const originsOf = (body: { versions: { origin: string }[] }) =>
      body.versions.map((version) => version.origin);
    expect(originsOf(rivera.body)).toEqual(['api']);
    expect(template.body.owner).toBe('template');
    expect(originsOf(template.body)).toEqual(['file']);
  });

  it('chooses among the templates and the business’s own flows', async () => {
    await testApp.api().post(`/api/businesses/${riveraId}/flows`).send({ source: intakeFlow });

    const choose = (businessId: string, flowId: string) =>
      testApp.api().put(`/api/businesses/${businessId}/flow`).send({ flowId });
    const riveraChoice = await choose(riveraId, 'intake');
    const lopezChoice = await choose(lopezId, 'intake');
    const lopezPatch = await testApp
      .api()
      .patch(`/api/businesses/${lopezId}`)
      .send({ flowId: 'intake' });
    const lopezTemplate = await choose(lopezId, 'dental');

    expect(riveraChoice.status).toBe(200);
    expect(lopezChoice.status).toBe(404);
    expect(lopezPatch.status).toBe(400);
    expect(lopezTemplate.status).toBe(200);
  });

  it('runs a test chat on the named business’s flow', async () => {
    await testApp
      .api()
      .post(`/api/businesses/${riveraId}/flows/default/versions`)
      .send({ source: editDefault(riveraPrompt) });
    await testApp.api().post(`/api/businesses/${riveraId}/flows`).send({ source: intakeFlow });

    const chat = (businessId: string, flowId: string) =>
      testApp
        .api()
        .post('/api/flows/test-chat')
        .send({ flowId, businessId, text: 'clogged drain' });
    const rivera = await chat(riveraId, 'default');
    const lopez = await chat(lopezId, 'default');
    const lopezIntake = await chat(lopezId, 'intake');

    expect(rivera.body.replies).toEqual([riveraPrompt]);
    expect(lopez.body.replies).toEqual([namePrompt]);
    expect(lopezIntake.status).toBe(404);
  });
});
