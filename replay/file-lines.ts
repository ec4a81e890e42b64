// The lines of a text file, read in chunks. A log of a large run is bigger than the longest string
// V8 can hold (about 512 MiB), so it is never read whole; each chunk is decoded as UTF-8 (a
// character split between chunks is carried over) and cut at newlines.

import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const CHUNK_BYTES = 8 * 2 ** 20;

/**
 * Calls `visit` with each line, without its newline, until the file ends or `visit` returns
 * false. A last line without a newline is visited too; a file that ends with a newline has no
 * empty last line. Throws the file system's error (ENOENT, EISDIR, ...) for the caller to word.
 */
export function forEachFileLine(path: string, visit: (line: string) => boolean, chunkBytes = CHUNK_BYTES): void {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    const decoder = new StringDecoder('utf8');
    let carry = '';
    for (let read = readSync(fd, buffer, 0, chunkBytes, null); read > 0; read = readSync(fd, buffer, 0, chunkBytes, null)) {
      const text = carry + decoder.write(buffer.subarray(0, read));
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        if (!visit(text.slice(start, end))) return;
        start = end + 1;
      }
      carry = text.slice(start);
    }
    const last = carry + decoder.end();
    if (last !== '') visit(last);
  } finally {
    closeSync(fd);
  }
}

/** The same walk over a string already in memory. */
export function forEachStringLine(text: string, visit: (line: string) => boolean): void {
  let start = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
    if (!visit(text.slice(start, end))) return;
    start = end + 1;
  }
  if (start < text.length) visit(text.slice(start));
}
