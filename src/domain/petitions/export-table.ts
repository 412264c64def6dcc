/**
 * The petitions list staff open in Excel (GET /api/v1/petitions as CSV or XLSX, issue 15): one
 * row per petition as the JSON has it — the author's name already masked for a caller without the
 * personal-data grant (src/petitions/view.ts); the author's contacts are left out of the file.
 */
import { date, dateTime, integer, text, type Table } from '../../exports';
import type { PetitionView } from '../../schemas/generated';
import { RESULT_UK } from '../appeals/labels-uk';
import { CONSIDERED_AS_UK, PETITION_STATE_UK, PETITIONS_UK } from './labels-uk';

export { CONSIDERED_AS_UK, PETITION_STATE_UK, PETITIONS_UK };

export const PETITIONS_TABLE: Table<PetitionView> = {
  title: 'Електронні петиції',
  fileName: 'petitions',
  columns: [
    text('Номер петиції', (p) => p.number),
    text('Назва', (p) => p.title),
    text('Стан', (p) => PETITION_STATE_UK[p.state]),
    text('Розглядається як', (p) => (p.consideredAs ? CONSIDERED_AS_UK[p.consideredAs] : '')),
    integer('Підписів', (p) => p.votes),
    integer('Необхідно підписів', (p) => p.threshold),
    date('Оприлюднено', (p) => p.publishedOn),
    date('Збір підписів до', (p) => p.collectionEndsOn),
    date('Збір завершено', (p) => p.collectionEndedOn),
    text('Автор', (p) => p.author.fullName),
    text('Реєстраційний індекс', (p) => p.registrationIndex),
    dateTime('Зареєстровано (Київ)', (p) => p.registeredAt),
    date('Початок розгляду', (p) => p.considerationStartedOn),
    date('Строк розгляду', (p) => p.term),
    date('Дата відповіді', (p) => p.answeredOn),
    text('Результат розгляду', (p) => (p.result ? RESULT_UK[p.result as keyof typeof RESULT_UK] ?? p.result : '')),
    text('Вихідний індекс відповіді', (p) => p.outgoingIndex),
    text('Ідентифікатор на платформі', (p) => p.platformId),
  ],
};
