import { expect } from 'chai';
import { orthodoxEaster, orthodoxTrinity, PEACETIME_DATA } from './index';

/** Orthodox Easter 2020-2035 as published in church calendars (the expected values, by hand). */
const EASTER: Record<number, string> = {
  2020: '2020-04-19', 2021: '2021-05-02', 2022: '2022-04-24', 2023: '2023-04-16', 2024: '2024-05-05',
  2025: '2025-04-20', 2026: '2026-04-12', 2027: '2027-05-02', 2028: '2028-04-16', 2029: '2029-04-08',
  2030: '2030-04-28', 2031: '2031-04-13', 2032: '2032-05-02', 2033: '2033-04-24', 2034: '2034-04-09',
  2035: '2035-04-29',
};

describe('Easter and Trinity (КЗпП ст. 73: Пасха, Трійця)', () => {
  it('the computus gives the published Orthodox Easter for 2020-2035', () => {
    for (const [year, date] of Object.entries(EASTER)) expect(orthodoxEaster(Number(year)), year).to.equal(date);
  });

  it('Trinity is 49 days after Easter, a Sunday', () => {
    expect(orthodoxTrinity(2021)).to.equal('2021-06-20');
    expect(orthodoxTrinity(2024)).to.equal('2024-06-23');
    expect(orthodoxTrinity(2026)).to.equal('2026-05-31');
  });

  it('refuses years the 13-day Julian offset does not hold for', () => {
    expect(() => orthodoxEaster(2100)).to.throw(RangeError);
  });

  it('the shipped peacetime data lists exactly these Easters and their Trinities', () => {
    const listed = (name: string): string[] => PEACETIME_DATA.holidays.filter((h) => h.name === name).map((h) => h.date);
    expect(listed('Пасха (Великдень)')).to.deep.equal(Object.values(EASTER));
    expect(listed('Трійця')).to.deep.equal(Object.keys(EASTER).map((y) => orthodoxTrinity(Number(y))));
  });
});
