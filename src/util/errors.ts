/** A problem in an input file, with the place it was found. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'InputError';
  }

  /** `file:line:column: message`, the one line the CLI prints. */
  describe(): string {
    const place = [this.file, this.line, this.column].filter((p) => p !== undefined).join(':');
    return place ? `${place}: ${this.message}` : this.message;
  }
}
