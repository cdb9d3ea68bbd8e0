import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connectSocket } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attachSocketServer } from '../../server/realtime/attach-socket-server.ts';
import type { SocketHub } from '../../server/realtime/attach-socket-server.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/realtime/realtime-events.ts';
import { callParams, seedBusiness, smsParams } from '../support/seed.ts';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { createWebSession } from '../support/web-session.ts';
import type { WebSession } from '../support/web-session.ts';

type InboxSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const secondNumber = '+15555550177';

let database: TestDatabase;
let testApp: TestApp;
let server: Server;
let hub: SocketHub;
let baseUrl: string;
let alice: WebSession;
let bob: WebSession;
let aliceConversationId: string;
const sockets: InboxSocket[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.close();
});

beforeEach(async () => {
  await database.reset();
  testApp = await createTestApp({ db: database.db });
  server = createServer(testApp.app);
  hub = attachSocketServer(server, {
    db: database.db,
    log: testApp.ctx.log,
    publicBaseUrl: testApp.ctx.config.publicBaseUrl,
    now: testApp.ctx.now,
  });
  testApp.ctx.realtime = hub;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const first = await seedBusiness(database.db);
  const second = await seedBusiness(database.db, { name: 'Lopez HVAC', phoneNumber: secondNumber });
  alice = await createWebSession(testApp.app, database.db, { businessId: first.id, email: 'alice@rivera.example' });
  bob = await createWebSession(testApp.app, database.db, {
    businessId: second.id,
    email: 'bob@lopez.example',
    role: 'owner',
  });
  const params = callParams();
  await testApp.postWebhook('/webhooks/twilio/voice', params);
  await testApp.postWebhook('/webhooks/twilio/voice/dial-status', { ...params, DialCallStatus: 'no-answer' });
  await testApp.ctx.tasks.drain();
  aliceConversationId = (await alice.get('/app-api/conversations')).body.conversations[0].id;
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) {
    socket.disconnect();
  }
  await hub.close();
});

function connect(cookie: string | null, headers: Record<string, string> = {}): Promise<InboxSocket> {
  const socket: InboxSocket = connectSocket(baseUrl, {
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: cookie ? { cookie, ...headers } : headers,
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

describe('business isolation over REST', () => {
  it('hides another business’s conversations from the list and every route', async () => {
    const base = `/app-api/conversations/${aliceConversationId}`;

    const list = await bob.get('/app-api/conversations?filter=all');
    const reads = await Promise.all([bob.get(base)]);
    const writes = await Promise.all([
      bob.post(`${base}/read`),
      bob.post(`${base}/messages`).send({ body: 'hi' }),
      bob.post(`${base}/takeover`),
      bob.post(`${base}/handback`),
      bob.post(`${base}/assign`).send({ userId: bob.user.id }),
      bob.post(`${base}/notes`).send({ body: 'peek' }),
      bob.post(`${base}/close`),
      bob.post(`${base}/reopen`),
      bob.post(`${base}/booking`),
    ]);

    expect(list.body.conversations).toEqual([]);
    expect(list.body.counts.all).toBe(0);
    for (const response of [...reads, ...writes]) {
      expect(response.status).toBe(404);
    }
    const own = await alice.get(base);
    expect(own.body.conversation.holder).toBe('bot');
    expect(own.body.conversation.notes).toEqual([]);
  });

  it('hides another business’s team and settings', async () => {
    const team = await bob.get('/app-api/team');
    const removeAlice = await bob.delete(`/app-api/team/${alice.user.id}`);
    const settings = await bob.get('/app-api/settings');

    expect(team.body.members.map((member: { email: string }) => member.email)).toEqual(['bob@lopez.example']);
    expect(removeAlice.status).toBe(404);
    expect(settings.body.settings.name).toBe('Lopez HVAC');
  });
});

describe('business isolation over socket.io', () => {
  it('delivers a business’s events to its own users only', async () => {
    const aliceSocket = await connect(alice.cookie);
    const bobSocket = await connect(bob.cookie);
    const bobEvents: string[] = [];
    bobSocket.onAny((event: string) => bobEvents.push(event));
    const aliceSaw = new Promise<string>((resolve) => {
      aliceSocket.on('message:created', (payload) => resolve(payload.conversationId));
    });

    await testApp.postWebhook('/webhooks/twilio/sms', smsParams('is anyone there?'));
    await testApp.ctx.tasks.drain();

    expect(await aliceSaw).toBe(aliceConversationId);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bobEvents).toEqual([]);
  });

  it('refuses a socket without a session', async () => {
    await expect(connect(null)).rejects.toThrow(/unauthorized/);
  });

  it('refuses a socket opened from another origin', async () => {
    await expect(connect(alice.cookie, { origin: 'https://evil.example' })).rejects.toThrow();
  });

  it('closes the socket when its session logs out', async () => {
    const socket = await connect(alice.cookie);
    const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));

    await alice.post('/app-api/auth/logout');

    await closed;
    expect(socket.connected).toBe(false);
  });
});
