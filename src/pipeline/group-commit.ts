/**
 * Group commit (issue 16): items that arrive while a batch is being written wait and go together in
 * the next one, so concurrent writers share one statement and one commit, and a lone writer waits
 * for nobody (its item is written at once, alone). One batch at a time: the next gathers while one
 * is written (two at once measured no better, and on one journal the second only waits for the
 * first's lock). Each item is answered only when its batch is written. A batch that fails is
 * written again item by item, so one bad item (a key inserted meanwhile, a case not in the
 * nomenclature) fails alone and every item gets its own answer.
 */
type Waiting<I, O> = { item: I; resolve: (o: O) => void; reject: (err: unknown) => void };

export class GroupCommit<I, O> {
  private readonly waiting: Array<Waiting<I, O>> = [];
  private writing = false;

  /** `write` answers every item of a batch, in order; a batch holds `maxBatch` items at most. */
  constructor(
    private readonly write: (items: I[]) => Promise<O[]>,
    private readonly maxBatch = 64,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    if (this.writing || !this.waiting.length) return;
    this.writing = true;
    void this.flush(this.waiting.splice(0, this.maxBatch)).finally(() => {
      this.writing = false;
      // A turn of the event loop first: the writers just answered send their next items, and
      // they go together rather than the first alone.
      setImmediate(() => this.next());
    });
  }

  private async flush(batch: Array<Waiting<I, O>>): Promise<void> {
    try {
      const answers = await this.write(batch.map((w) => w.item));
      batch.forEach((w, k) => w.resolve(answers[k] as O));
    } catch (err) {
      if (batch.length === 1) return (batch[0] as Waiting<I, O>).reject(err);
      await Promise.all(batch.map((w) => this.write([w.item]).then((answers) => w.resolve(answers[0] as O), w.reject)));
    }
  }
}
