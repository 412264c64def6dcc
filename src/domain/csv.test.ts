/** CSV for a Ukrainian Excel (issue 12): `;`, a BOM, дд.мм.рррр, Kyiv time, decimal comma. */
import { expect } from 'chai';
import { dateTimeUk, dateUk, decimalUk, excelCsv } from './csv';

describe('CSV for a Ukrainian Excel', () => {
  it('separates with `;`, starts with a BOM, quotes what needs it; dates, times and decimals as Ukrainian Excel reads them', () => {
    const csv = excelCsv(['Індекс', 'Зміст', 'Строк'], [['01-07/1', 'Щодо ремонту; покрівлі', dateUk('2026-03-09')]]);
    expect(csv.charCodeAt(0)).to.equal(0xfeff);
    expect(csv.slice(1)).to.equal('Індекс;Зміст;Строк\n01-07/1;"Щодо ремонту; покрівлі";09.03.2026\n');
    expect(dateUk(null)).to.equal('');
    expect(dateTimeUk('2026-03-09T08:15:00Z')).to.equal('09.03.2026 10:15:00');
    expect(dateTimeUk('2026-07-01T21:30:00Z')).to.equal('02.07.2026 00:30:00'); // summer time, the next Kyiv day
    expect(decimalUk(83.333, 1)).to.equal('83,3');
    expect(decimalUk(null)).to.equal('');
  });
});
