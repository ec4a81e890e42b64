// Where the commands write, and the errors they expect. Commands take an CliIo rather than
// writing to process.stdout so tests can run them directly and read what they printed.

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/**
 * An error the user can fix (a missing file, an unknown kind, a bad flag): main prints
 * "ksim: <message>" on one line, with no stack trace, and exits with the code given.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Exit codes: 0 done, 1 the object asked for is not there (as kubectl), 2 a usage or input error. */
export const EXIT_NOT_FOUND = 1;
export const EXIT_USAGE = 2;

export function processIo(): CliIo {
  return {
    out: (text) => {
      process.stdout.write(text);
    },
    err: (text) => {
      process.stderr.write(text);
    },
  };
}

/** Writes many lines in chunks, so a 200,000-line log is neither one huge string nor 200,000 writes. */
export function writeLines(io: CliIo, lines: Iterable<string>): void {
  let chunk = '';
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length >= 1 << 16) {
      io.out(chunk);
      chunk = '';
    }
  }
  if (chunk !== '') io.out(chunk);
}
