import { expect } from 'chai';
import { uuidV5 } from './message-id';

describe('name-based message ids (connectors/message-id.ts)', function () {
  it('matches the RFC 9562 version 5 example (DNS namespace, www.example.com)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).to.equal('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('differs by namespace and by name, and repeats for the same pair', () => {
    const ns = '9d5e6b0c-3f7a-4c1e-8b2d-51a0c4e7f236';
    expect(uuidV5('a', ns)).to.equal(uuidV5('a', ns));
    expect(uuidV5('a', ns)).not.to.equal(uuidV5('b', ns));
    expect(uuidV5('a', ns)).not.to.equal(uuidV5('a', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'));
  });
});
