import { expect } from 'chai';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { submission } from '../support/hub';
import { spawnHub, type HubProcess } from '../support/process';
import { bearer, systemToken } from '../support/identity';
import { PostgresDb } from '../../src/store';

describe('registration under concurrency from several hub processes (real PostgreSQL)', function () {
  this.timeout(90_000);
  let testDb: TestDatabase;
  const hubs: HubProcess[] = [];
  let auth: Record<string, string>;

  before(async () => {
    testDb = await createTestDatabase('conc');
    // Two separate OS processes on the same database, both migrating at start (under the lock).
    const env = { DATABASE_URL: testDb.url, SAMPLE_NOMENCLATURE: 'true' };
    hubs.push(...(await Promise.all([spawnHub(env), spawnHub(env)])));
    const db = new PostgresDb({ connectionString: testDb.url });
    auth = bearer(await systemToken(db, ['registrar']));
    await db.close();
  });
  after(async () => {
    await Promise.all(hubs.map((h) => h.stop()));
    await testDb?.drop();
  });

  it('8 concurrent registrations through two processes get distinct consecutive numbers, no gaps', async () => {
    const bodies = Array.from({ length: 8 }, (_, i) => submission({ externalId: `conc-${i}` }));
    const answers = await Promise.all(
      bodies.map(async (body, i) => {
        const res = await fetch(`${hubs[i % 2]!.url}/api/v1/documents`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(res.status).to.equal(201);
        return (await res.json()) as { registration: { number: number; index: string } };
      }),
    );
    const numbers = answers.map((a) => a.registration.number).sort((a, b) => a - b);
    expect(numbers).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(answers.map((a) => a.registration.index)).size).to.equal(8);
  });

  it('the same message posted to both processes at once registers once', async () => {
    const body = JSON.stringify(submission({ externalId: 'race-1' }));
    const answers = await Promise.all(
      [0, 1, 0, 1].map(async (i) => {
        const res = await fetch(`${hubs[i]!.url}/api/v1/documents`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body });
        return { status: res.status, id: ((await res.json()) as { id: string }).id };
      }),
    );
    expect(new Set(answers.map((a) => a.id)).size).to.equal(1);
    expect(answers.filter((a) => a.status === 201)).to.have.length(1);
    expect(answers.filter((a) => a.status === 200)).to.have.length(3);
  });
});
