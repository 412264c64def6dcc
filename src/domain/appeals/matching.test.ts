import { expect } from 'chai';
import fc from 'fast-check';
import { blockingKeys, fingerprintApplicant, matchApplicants, type ApplicantMatch } from './matching';
import { parseName } from './names';
import { compareQuestions, summaryStems } from './questions';
import {
  addressVariant, fakePerson, housemate, nameVariant, officialAddress, officialName, seededRng, type FakePerson,
} from './testing/fake-people';

type Written = { fullName: string; address?: string; email?: string; phone?: string };

function match(a: Written, b: Written): ApplicantMatch {
  return matchApplicants(fingerprintApplicant(a), fingerprintApplicant(b));
}

const codes = (m: ApplicantMatch) => m.reasons.map((r) => r.code);

describe('appeals: applicant matching — the same person written differently matches', () => {
  it('initials against the full name, in either word order', () => {
    const m = match(
      { fullName: 'Гнатюк О.П.', address: 'м. Кам’янське, вул. Соборна, буд. 12, кв. 34' },
      { fullName: 'Оксана Петрівна Гнатюк', address: 'вулиця Соборна 12-34' },
    );
    expect(m.verdict).to.equal('same');
    expect(m.byInitials).to.equal(true);
    expect(codes(m)).to.include.members(['surname-equal', 'given-name-initial', 'patronymic-initial', 'street-equal', 'house-equal', 'apartment-equal']);
    expect(m.reasons.map((r) => r.uk).join('; ')).to.contain('ініціал відповідає повному написанню');
  });

  it('apostrophe variants, ї/і, є/е, ґ/г, capitals and a Latin «i»', () => {
    const m = match(
      { fullName: "Дем'яненко Мар'яна Олексіївна", address: 'вул. Слов’янська 5 кв 12' },
      { fullName: 'ДЕМЯНЕНКО Марʼяна Олексiівна', address: 'м. Камʼянське, вулиця Словʼянська, буд. 5, кв. 12' },
    );
    expect(m.verdict).to.equal('same');
    expect(m.score).to.be.greaterThan(0.95);
    expect(codes(m)).to.include('name-spelling');
    const g = match({ fullName: 'Ґудзенко Євгенія Іванівна', address: 'вул. Ґрунтова, 3' }, { fullName: 'Гудзенко Евгенія Ивановна', address: 'Грунтова 3' });
    expect(g.verdict).to.equal('same');
    expect(codes(g)).to.include('patronymic-variant');
  });

  it('street abbreviations and house numbers: «просп.»/«пр-т», «буд.»/«б.», «кв.», «5-А»/«5а»', () => {
    const m = match(
      { fullName: 'Ірина Петрівна Коваленко', address: 'просп. Металургів, б.5-А, кв.7' },
      { fullName: 'Коваленко Ірина Петрівна', address: '51900, Дніпропетровська обл., м. Кам’янське, пр-т Металургів 5а кв 7' },
    );
    expect(m.verdict).to.equal('same');
    expect(m.score).to.be.greaterThan(0.95);
  });

  it('Russian spellings of the given name and the patronymic', () => {
    const m = match({ fullName: 'Коваленко Николай Петрович', address: 'вул. Садова, 4' }, { fullName: 'Коваленко Микола Петрович', address: 'вул. Садова, буд. 4' });
    expect(m.verdict).to.equal('same');
    const p = match({ fullName: 'Ткач Елена Сергеевна', address: 'вул. Садова, 4' }, { fullName: 'Ткач Олена Сергіївна', address: 'вул. Садова, 4' });
    expect(p.verdict).to.equal('same');
    expect(codes(p)).to.include('patronymic-variant');
    expect(match({ fullName: 'Ткач О. Н.', address: 'вул. Садова, 4' }, { fullName: 'Ткач Олег Николаевич', address: 'вул. Садова, 4' }).verdict).to.equal('same');
  });

  it('one person at another address is joined only through the same phone or e-mail', () => {
    const moved = { fullName: 'Левченко Тарас Іванович', address: 'вул. Зелена, 8, кв. 2', phone: '+380 (67) 123-45-67' };
    const before = { fullName: 'Левченко Тарас Іванович', address: 'вул. Польова, 15', phone: '067 123 45 67' };
    const m = match(moved, before);
    expect(m.verdict).to.equal('same');
    expect(codes(m)).to.include.members(['phone-equal', 'address-differs']);
    expect(match({ ...moved, phone: undefined }, { ...before, phone: undefined }).verdict).to.equal('different');
  });

  it('a surname only, with the same address, is probable, not certain', () => {
    const m = match({ fullName: 'Мельничук', address: 'вул. Липова, 3, кв. 9' }, { fullName: 'Мельничук Юрій Степанович', address: 'вул. Липова, 3, кв. 9' });
    expect(m.verdict).to.equal('probable');
  });

  it('property: every way the generator writes a person matches the official form', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rng = seededRng(seed);
        const p = fakePerson(rng);
        const variant = { fullName: nameVariant(rng, p), address: addressVariant(rng, p) };
        const m = match({ fullName: officialName(p), address: officialAddress(p) }, variant);
        if (m.verdict !== 'same') throw new Error(`${officialName(p)} / ${officialAddress(p)} vs ${variant.fullName} / ${variant.address}: ${m.verdict} ${m.score}`);
        // …and shares a blocking key with it, so the index finds it.
        const a = blockingKeys(fingerprintApplicant({ fullName: officialName(p), address: officialAddress(p) }));
        const b = blockingKeys(fingerprintApplicant(variant));
        if (!a.some((k) => b.includes(k))) throw new Error(`no shared key: ${a} / ${b}`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('appeals: applicant matching — different people at one address do not match', () => {
  const flat = 'м. Кам’янське, вул. Шкільна, буд. 7, кв. 15';

  it('husband and wife', () => {
    const m = match({ fullName: 'Коваленко Іван Петрович', address: flat }, { fullName: 'Коваленко Ірина Петрівна', address: flat });
    expect(m.verdict).to.equal('different');
    expect(codes(m)).to.deep.equal(['gender-differs']);
  });

  it('two fathers\' names a typo apart are two people, not a misspelling (the property\'s counterexamples)', () => {
    expect(match({ fullName: 'Грицчук Наталія Григорівна', address: flat }, { fullName: 'Грицчук Наталія Ігорівна', address: flat }).reasons[0]!.code).to.equal('patronymic-differs');
    expect(match({ fullName: 'Марчук Єгор Ігорович', address: flat }, { fullName: 'Марчук Єгор Григорович', address: flat }).verdict).to.equal('different');
    // A real misspelling of one father's name still matches.
    expect(match({ fullName: 'Марчук Єгор Григорович', address: flat }, { fullName: 'Марчук Єгор Григорвич', address: flat }).verdict).not.to.equal('different');
  });

  it('father and son with one given name; brothers', () => {
    expect(match({ fullName: 'Бондаренко Олег Іванович', address: flat }, { fullName: 'Бондаренко Олег Олегович', address: flat }).reasons[0]!.code).to.equal('patronymic-differs');
    expect(match({ fullName: 'Бондаренко Андрій Олегович', address: flat }, { fullName: 'Бондаренко Олег Олегович', address: flat }).reasons[0]!.code).to.equal('given-name-differs');
  });

  it('initials that do not fit; gendered surnames', () => {
    expect(match({ fullName: 'Ткачук О.В.', address: flat }, { fullName: 'Ткачук Андрій Васильович', address: flat }).verdict).to.equal('different');
    expect(match({ fullName: 'Ковальська І.П.', address: flat }, { fullName: 'Ковальський Ігор Петрович', address: flat }).verdict).to.equal('different');
  });

  it('namesakes in different flats of one house, or in different houses', () => {
    const a = match({ fullName: 'Мельник Іван Петрович', address: 'вул. Шкільна, 7, кв. 5' }, { fullName: 'Мельник Іван Петрович', address: 'вул. Шкільна, 7, кв. 7' });
    expect(a.verdict).to.equal('different');
    expect(codes(a)).to.deep.equal(['apartment-differs']);
    expect(match({ fullName: 'Мельник Іван Петрович', address: 'вул. Шкільна, 7' }, { fullName: 'Мельник Іван Петрович', address: 'вул. Шкільна, 9' }).verdict).to.equal('different');
  });

  it('property: a housemate with another given name, patronymic or gender never matches, written any way', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rng = seededRng(seed);
        const p = fakePerson(rng);
        const q: FakePerson = housemate(rng, p);
        const [pn, qn] = [parseName(officialName(p)), parseName(officialName(q))];
        if (pn.given === qn.given && pn.patronymic === qn.patronymic && q.female === p.female) return; // a namesake in the flat (Анна = Ганна): indistinguishable
        const m = match({ fullName: officialName(p), address: officialAddress(p) }, { fullName: nameVariant(rng, q), address: addressVariant(rng, q) });
        const bothInitials = m.byInitials;
        // Initials alone may fit two people; then the match must be flagged as resting on initials.
        if (m.verdict !== 'different' && !bothInitials) throw new Error(`${officialName(p)} matched housemate ${officialName(q)}: ${m.score}`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('appeals: name parsing', () => {
  it('tells surname, given name and patronymic in either order, with initials', () => {
    expect(parseName('Тарас Іванович Карпович')).to.include({ surname: 'карповіч', given: 'тарас', patronymic: 'івановіч', gender: 'male' });
    expect(parseName('Карпович Тарас Іванович')).to.include({ surname: 'карповіч', given: 'тарас', patronymic: 'івановіч' });
    expect(parseName('І. П. Коваленко')).to.include({ surname: 'коваленко', givenInitial: 'і', patronymicInitial: 'п', given: '' });
    expect(parseName('Ірина Коваленко')).to.include({ surname: 'коваленко', given: 'іріна', gender: 'female' });
  });
});

describe('appeals: the same question', () => {
  it('a shared topic and summaries that say the same thing, whatever the case endings', () => {
    const a = { topics: ['009'], stems: summaryStems('Про ремонт покрівлі будинку № 12 по вул. Соборній') };
    const b = { topics: ['009'], stems: summaryStems('Щодо ремонту даху та покрівлі в будинку 12 на Соборній') };
    const q = compareQuestions(a, b);
    expect(q.same).to.equal(true);
    expect(q.sharedTopics).to.deep.equal(['009']);
    expect(q.sharedStems).to.include.members(['ремон', 'покрі', 'будін', '12']);
    expect(compareQuestions(a, { topics: ['009'], stems: summaryStems('Про встановлення лічильника тепла') }).same).to.equal(false);
    expect(compareQuestions(a, { topics: ['006'], stems: a.stems }).same).to.equal(false);
  });
});
