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

/** Why a file or folder could not be read, in words. */
export function reasonOf(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such file or directory';
    case 'ELOOP':
      return 'a loop of symbolic links';
    case 'EISDIR':
      return 'is a folder';
    case 'ENAMETOOLONG':
      return 'name too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'EIO':
      return 'input/output error';
    default:
      return error.code ?? error.message;
  }
}
