import { expect } from 'chai';
import type { Envelope } from '../../src/pipeline';
import { decodeHotlineCard, hotlineDecoder } from './inbound';
import { editedSample, expectHubError, sample, TEST_ENV, testConfig, withEnv } from './test-support';

const AT = new Date('2026-03-10T09:00:00Z');
const decode = async (payload: Buffer) => decodeHotlineCard(payload, testConfig(), AT);
const FILE = 'ukc-1545-complaint.json';

describe('hotline inbound: malformed cards are structured errors (quarantined by the pipeline)', function () {
  it('bad JSON → HOTLINE_CARD_NOT_JSON with the position only, never the text (personal data)', async () => {
    const broken = Buffer.from(sample(FILE).toString('utf8').replace('"surname": "Мельничук",', '"surname": "Мельничук"'), 'utf8');
    const err = await expectHubError(decode(broken), 'HOTLINE_CARD_NOT_JSON');
    expect(err.details).to.have.keys('position');
    expect(JSON.stringify(err.toBody())).not.to.match(/Мельничук|Оксана/);
    expect(err.toBody()).to.include({ message: 'The hotline card is not valid JSON', messageUk: 'Картка «гарячої лінії» не є коректним JSON' });
  });

  it('an empty body → HOTLINE_CARD_NOT_JSON', async () => {
    await expectHubError(decode(Buffer.alloc(0)), 'HOTLINE_CARD_NOT_JSON');
  });

  it('a UTF-8 BOM is tolerated', async () => {
    const sub = await decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sample(FILE)]));
    expect(sub.externalId).to.equal('1545-2026-0309-004517');
  });

  it('an unknown centre → HOTLINE_CARD_INVALID naming /centre and the allowed values', async () => {
    const err = await expectHubError(decode(editedSample(FILE, (c) => { c.centre = 'city-contact-centre'; })), 'HOTLINE_CARD_INVALID');
    expect(err.details).to.deep.equal({ violations: [{ path: '/centre', message: 'must be one of ukc-1545, oblast-contact-centre', messageUk: 'має бути одним із: ukc-1545, oblast-contact-centre' }] });
    expect(err.status).to.equal(400);
  });

  it('every schema violation is listed with its path, none with the values', async () => {
    const payload = editedSample(FILE, (c) => {
      delete c.cardId;
      c.applicant.email = 'не-адреса';
      c.appealType = 'подяка';
      c.operatorNote = 'x';
      c.term = '24.03.2026';
    });
    const err = await expectHubError(decode(payload), 'HOTLINE_CARD_INVALID');
    const violations = (err.details as { violations: { path: string; message: string }[] }).violations;
    expect(violations).to.deep.include.members([
      { path: '/', message: "must have required property 'cardId'", messageUk: "бракує обов'язкового поля «cardId»" },
      { path: '/', message: 'unknown property operatorNote', messageUk: 'невідоме поле «operatorNote»' },
      { path: '/applicant/email', message: 'must match format "email"', messageUk: 'має бути адреса електронної пошти' },
      { path: '/appealType', message: 'must be one of пропозиція, зауваження, заява, клопотання, скарга', messageUk: 'має бути одним із: пропозиція, зауваження, заява, клопотання, скарга' },
      { path: '/term', message: 'must match format "date"', messageUk: 'має бути дата у форматі РРРР-ММ-ДД' },
    ]);
    expect(JSON.stringify(err.details)).not.to.match(/не-адреса|подяка|24\.03\.2026/);
  });

  it('a JSON value that is not a card (array, wrong format version) → HOTLINE_CARD_INVALID', async () => {
    await expectHubError(decode(Buffer.from('[]')), 'HOTLINE_CARD_INVALID');
    const err = await expectHubError(decode(editedSample(FILE, (c) => { c.format = 'hotline-card/2'; })), 'HOTLINE_CARD_INVALID');
    expect(err.details).to.deep.equal({ violations: [{ path: '/format', message: 'must be "hotline-card/1"', messageUk: 'має дорівнювати "hotline-card/1"' }] });
  });

  it('a card addressed to another ЄДРПОУ → HOTLINE_WRONG_ADDRESSEE (422)', async () => {
    const err = await expectHubError(decode(editedSample(FILE, (c) => { c.addressee.edrpou = '40000002'; })), 'HOTLINE_WRONG_ADDRESSEE');
    expect(err.status).to.equal(422);
    expect(err.details).to.deep.include({ cardId: '1545-2026-0309-004517', addresseeEdrpou: '40000002', ourOrgId: '40000001' });
  });

  describe('the pipeline decoder reads HOTLINE_* per card', function () {
    const envelope = (payload: Buffer): Envelope => ({ channel: 'amqp', format: 'hotline.json', payload, receivedAt: AT, traceId: 't' });

    it('unconfigured → HOTLINE_NOT_CONFIGURED naming the variable, so the card is kept and can be replayed', async () => {
      const restore = withEnv({ HOTLINE_ORG_ID: '' });
      try {
        const err = await expectHubError(Promise.resolve().then(() => hotlineDecoder(sample(FILE), envelope(sample(FILE)))), 'HOTLINE_NOT_CONFIGURED');
        expect(err.details).to.deep.include({ variable: 'HOTLINE_ORG_ID' });
      } finally {
        restore();
      }
    });

    it('configured → the submission, received at the envelope time when the card has no sentAt', async () => {
      const restore = withEnv(TEST_ENV);
      try {
        const sub = (await hotlineDecoder(sample('ukc-1545-proposal-minimal.json'), envelope(sample('ukc-1545-proposal-minimal.json')))) as { receivedAt: string };
        expect(sub.receivedAt).to.equal(AT.toISOString());
      } finally {
        restore();
      }
    });
  });
});
