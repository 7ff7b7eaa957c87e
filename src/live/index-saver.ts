/**
 * Saving the index after the live corpus changed it, on the bot's thread without holding it: the
 * bot's own index, as it is when a save starts, is written a slice at a time between the bot's
 * other work (saveIndexInSlices), through a temporary file and a rename. Nothing is parsed or
 * indexed again, and no second copy of the index is made: what the file needs is made piece by
 * piece as it is written. One save runs at a time; changes during a save ask for one more.
 */
import { corpusFingerprint, fingerprintOf, saveIndexInSlices, type NewsLibrary } from '../retrieval/index.ts';

export class IndexSaver {
  private running?: Promise<void>;
  private again = false;
  private readonly stopping = new AbortController();

  /**
   * `files` says which issue files the index holds, and in which version: a function giving their
   * lines (corpusFileLines' form, in name order) as of the moment it is called, or the corpus
   * folder when the index holds every file there as it is now.
   */
  constructor(
    private readonly files: string | (() => readonly string[]),
    private readonly indexFile: string,
    private readonly library: NewsLibrary,
    private readonly warn: (message: string) => void = () => {},
  ) {}

  /** Asks for the index file to be written from the index as it is now. */
  request(): void {
    if (this.stopping.signal.aborted) return;
    if (this.running) this.again = true;
    else this.running = this.run().finally(() => (this.running = undefined));
  }

  /** Resolves once no save is running or asked for. */
  async idle(): Promise<void> {
    await this.running;
  }

  /** Stops a save in progress (the index file is written through a rename: never half written). */
  stop(): void {
    this.stopping.abort();
  }

  private async run(): Promise<void> {
    const { signal } = this.stopping;
    do {
      this.again = false;
      // Not in the turn that asked: that turn (indexing an issue) has held the thread long enough.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (signal.aborted) return;
      try {
        // The fingerprint of the files the index holds and the index, taken in one turn of the
        // event loop: nothing is indexed between them.
        const { files } = this;
        const fingerprint = typeof files === 'string' ? corpusFingerprint(files) : fingerprintOf(files());
        const { issues, searchIndex } = this.library;
        await saveIndexInSlices(this.indexFile, issues, searchIndex, fingerprint, { warn: this.warn, signal });
      } catch (err) {
        // A block of the index file found damaged while it was copied: rebuilt, then saved again.
        if (this.library.recover(err)) this.again = true;
        // The index in memory is current; the next change or start saves it.
        else this.warn(`could not save the index to ${this.indexFile}: ${(err as Error).message}`);
      }
    } while (this.again && !signal.aborted);
  }
}
