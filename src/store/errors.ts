// Kept apart from pglite.ts so the CLI can recognise it without loading the embedded database.
/**
 * Another process holds the embedded database's directory. Two PGlite instances on one directory
 * do not share it: each writes over the other, and what one wrote is lost (issue 12: a CLI import
 * while the hub ran printed «імпортовано 11 справ» and the cases were gone after a restart).
 */
export class DatabaseLockedError extends Error {
  readonly messageUk: string;
  constructor(readonly dataDir: string) {
    super(`the embedded database in ${dataDir} is in use by another dilovod process (a running hub?): stop it, or do this through its HTTP API`);
    this.messageUk = `вбудовану базу даних у ${dataDir} використовує інший процес dilovod (запущений хаб?): зупиніть його або виконайте це через його HTTP API`;
    this.name = 'DatabaseLockedError';
  }
}
