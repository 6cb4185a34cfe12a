import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server the PostgreSQL tests run on: TEST_DATABASE_URL, else the local one that .ci/run makes sure of. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema of its own on the test server, and a DATABASE_URL whose search_path points at it. */
export interface TestSchema {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates an empty schema with a random name. Rejects, with what to do, when the server cannot be reached: the
 * PostgreSQL tests fail rather than skip, so CI cannot pass without running them.
 */
export async function freshSchema(): Promise<TestSchema> {
  const name = `mentorbot_test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${name}`);
  } catch (e) {
    throw new Error(
      `PostgreSQL is needed for these tests and cannot be used at ${TEST_DATABASE_URL} (${(e as Error).message}). ` +
        'Start it (.ci/run does) or set TEST_DATABASE_URL.',
      { cause: e },
    );
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A pool on the schema's URL, for tests that build the storage or the bus themselves. */
export function poolOn(schema: TestSchema, max = 4): pg.Pool {
  return new pg.Pool({ connectionString: schema.url, max });
}
