// The whole lines appended to a file since the last look, for following a log a run is still
// writing. A line counts once its newline is there: the writer may be part way through one, so
// the unfinished rest waits for the next look, bytes and all (a character split across two
// writes is decoded whole).

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const CHUNK_BYTES = 1 << 20;

export class LogTail {
  private readonly fd: number;
  private readonly decoder = new StringDecoder('utf8');
  private carry = '';
  private offset = 0;

  /** Opens the file; throws the file system's error (ENOENT, EISDIR, ...) for the caller to word. */
  constructor(path: string) {
    this.fd = openSync(path, 'r');
    if (fstatSync(this.fd).isDirectory()) {
      closeSync(this.fd);
      throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' });
    }
  }

  /** True when the file is now shorter than what was read: someone started it over. */
  truncated(): boolean {
    return fstatSync(this.fd).size < this.offset;
  }

  /** The lines completed since the last call, without their newlines; none when nothing was added. */
  readLines(): string[] {
    const lines: string[] = [];
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let read = this.readMore(buffer); read > 0; read = this.readMore(buffer)) {
      const text = this.carry + this.decoder.write(buffer.subarray(0, read));
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        lines.push(text.slice(start, end));
        start = end + 1;
      }
      this.carry = text.slice(start);
    }
    return lines;
  }

  close(): void {
    closeSync(this.fd);
  }

  private readMore(buffer: Buffer): number {
    const read = readSync(this.fd, buffer, 0, buffer.length, this.offset);
    this.offset += read;
    return read;
  }
}
