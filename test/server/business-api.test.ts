import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.ts';
import type { TestApp } from '../support/test-app.ts';
import { createTestDatabase } from '../support/test-database.ts';
import type { TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let testApp: TestApp;

const newBusiness = {
  name: 'Lopez HVAC',
  phoneNumber: '(555) 555-0142',
  timeZone: 'America/Denver',
  forwardingNumber: '+1 555 555 0143',
  openingMessage: 'Thanks for calling {{business.name}}! Book here: {{business.booking_link}}',
  bookingLink: 'https://cal.example.com/lopez',
};

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.close();
});

beforeEach(async () => {
  await database.reset();
  testApp = await createTestApp({ db: database.db });
});

describe('business API', () => {
  it('creates a business with numbers normalised to E.164 and defaults filled', async () => {
    const response = await testApp.api().post('/api/businesses').send(newBusiness);

    expect(response.status).toBe(201);
    expect(response.body.business.phoneNumber).toBe('+15555550142');
    expect(response.body.business.forwardingNumber).toBe('+15555550143');
    expect(response.body.business.textBackEnabled).toBe(true);
    expect(response.body.business.ringTimeoutSeconds).toBe(20);
  });

  it('updates settings and reads them back', async () => {
    const created = await testApp.api().post('/api/businesses').send(newBusiness);
    const id = created.body.business.id as string;

    const updated = await testApp
      .api()
      .patch(`/api/businesses/${id}`)
      .send({ textBackEnabled: false, hours: { mon: [{ open: '07:00', close: '15:30' }] }, ringTimeoutSeconds: 15 });
    const read = await testApp.api().get(`/api/businesses/${id}`);

    expect(updated.status).toBe(200);
    expect(read.body.business.textBackEnabled).toBe(false);
    expect(read.body.business.ringTimeoutSeconds).toBe(15);
    expect(read.body.business.hours).toEqual({ mon: [{ open: '07:00', close: '15:30' }] });
  });

  it('rejects forwarding calls to the textback number itself', async () => {
    const looped = await testApp.api().post('/api/businesses').send({ ...newBusiness, forwardingNumber: '+15555550142' });
    const created = await testApp.api().post('/api/businesses').send(newBusiness);
    const id = created.body.business.id as string;

    const patched = await testApp.api().patch(`/api/businesses/${id}`).send({ carrierNumber: '(555) 555-0142' });
    const read = await testApp.api().get(`/api/businesses/${id}`);

    expect(looped.status).toBe(400);
    expect(looped.body.error.details).toEqual([expect.objectContaining({ field: 'forwardingNumber' })]);
    expect(patched.status).toBe(400);
    expect(patched.body.error.details).toEqual([expect.objectContaining({ field: 'carrierNumber' })]);
    expect(read.body.business.carrierNumber).toBeNull();
  });

  it('warns when the ring timeout outlasts a mobile voicemail pickup', async () => {
    const created = await testApp.api().post('/api/businesses').send(newBusiness);

    const long = await testApp.api().patch(`/api/businesses/${created.body.business.id}`).send({ ringTimeoutSeconds: 30 });
    const screened = await testApp.api().patch(`/api/businesses/${created.body.business.id}`).send({ callScreening: true });

    expect(long.body.warnings.join(' ')).toContain('voicemail');
    expect(screened.body.warnings).toEqual([]);
  });

  it('rejects an opening message with an unknown field and names it', async () => {
    const response = await testApp
      .api()
      .post('/api/businesses')
      .send({ ...newBusiness, openingMessage: 'Hi {{contact.nickname}}!' });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('bad_request');
    expect(response.body.error.message).toContain('contact.nickname');
  });

  it('rejects a malformed placeholder', async () => {
    const created = await testApp.api().post('/api/businesses').send(newBusiness);

    const response = await testApp
      .api()
      .patch(`/api/businesses/${created.body.business.id}`)
      .send({ openingMessage: 'Hi {{business.name' });

    expect(response.status).toBe(400);
  });

  it.each([
    ['phoneNumber', 'not a phone'],
    ['timeZone', 'Mars/Olympus'],
    ['bookingLink', 'javascript:alert(1)'],
    ['ringTimeoutSeconds', 500],
  ])('rejects an invalid %s', async (field, value) => {
    const response = await testApp.api().post('/api/businesses').send({ ...newBusiness, [field]: value });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(field);
  });

  it('rejects a second business on the same number with 409', async () => {
    await testApp.api().post('/api/businesses').send(newBusiness);

    const response = await testApp.api().post('/api/businesses').send({ ...newBusiness, name: 'Copycat' });

    expect(response.status).toBe(409);
  });

  it('rejects unknown fields in an update', async () => {
    const created = await testApp.api().post('/api/businesses').send(newBusiness);

    const response = await testApp.api().patch(`/api/businesses/${created.body.business.id}`).send({ isAdmin: true });

    expect(response.status).toBe(400);
  });

  it('answers 404 for a business that does not exist', async () => {
    const response = await testApp.api().get('/api/businesses/00000000-0000-4000-8000-000000000000');

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
  });

  it('rejects requests without the bearer token', async () => {
    const response = await request(testApp.app).get('/api/businesses');

    expect(response.status).toBe(401);
  });

  it('rejects a malformed JSON body with 400', async () => {
    const response = await testApp.api().post('/api/businesses').set('content-type', 'application/json').send('{"name":');

    expect(response.status).toBe(400);
  });
});
