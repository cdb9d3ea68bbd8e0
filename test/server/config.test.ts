import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/lib/config.ts';

describe('loadConfig', () => {
  it('defaults to the sandbox provider and the embedded database', () => {
    const config = loadConfig({});

    expect(config.provider.kind).toBe('sandbox');
    expect(config.database).toEqual({ kind: 'pglite', dataDir: './data' });
    expect(config.seedDemo).toBe(true);
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
  });

  it('chooses Twilio when both credentials are set', () => {
    const config = loadConfig({ TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 'secret' });

    expect(config.provider.kind).toBe('twilio');
    expect(config.seedDemo).toBe(false);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' });

    expect(config.database.kind).toBe('postgres');
  });

  it.each([
    ['PORT', 'eighty'],
    ['PUBLIC_BASE_URL', 'not a url'],
    ['LOG_LEVEL', 'loud'],
    ['API_TOKEN', 'short'],
  ])('stops on an invalid %s and names it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('rejects a Twilio account SID without its auth token', () => {
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: 'AC1' })).toThrow('TWILIO_AUTH_TOKEN');
  });
});
