/**
 * Creates the first owner of a business from the command line:
 *
 *   npm run create-owner -- --email ana@example.com --password '...' --business +15555550100
 *
 * `--business` takes the business's id or its textback number; `--name` is optional. It opens
 * the database the server uses (DATABASE_URL, or the embedded one under DATA_DIR), so stop a
 * server running on the embedded database first.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/open-database.ts';
import { loadConfig } from '../lib/config.ts';
import { createOwner } from './create-owner.ts';

const usage =
  'Usage: npm run create-owner -- --email <address> --password <password> --business <id or number> [--name <name>]\n';

async function run(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      business: { type: 'string' },
      name: { type: 'string' },
    },
  });
  if (!values.email || !values.password || !values.business) {
    process.stderr.write(usage);
    return 2;
  }
  if (existsSync('.env')) {
    process.loadEnvFile('.env');
  }
  const config = loadConfig(process.env);
  const database = await openDatabase({
    url: config.database.kind === 'postgres' ? config.database.url : null,
    dataDir: config.database.kind === 'pglite' ? config.database.dataDir : null,
  });
  try {
    const result = await createOwner(database.db, {
      email: values.email,
      password: values.password,
      business: values.business,
      name: values.name,
    });
    if (!result.ok) {
      process.stderr.write(`Owner not created: ${result.message}\n`);
      return 1;
    }
    process.stdout.write(`Created owner ${result.user.email} for ${result.business.name}.\n`);
    return 0;
  } finally {
    await database.close();
  }
}

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`create-owner failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
