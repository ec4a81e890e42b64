// The lines of a text file, read in chunks. A log of a large run is bigger than the longest string
// V8 can hold (about 512 MiB), so it is never read whole; each chunk is decoded as UTF-8 (a
// character split between chunks is carried over) and cut at newlines. The byte walk below also
// says where each line starts in the file, which the checkpoint index records so that a query can
// seek to the events after a snapshot instead of reading from the top.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
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

/** One line as the byte walk sees it: its text, where it starts, its bytes with the newline, whether it had one. */
export interface LineAt {
  readonly text: string;
  readonly startByte: number;
  /** The line's bytes, its newline included when it has one; valid only during the visit. */
  readonly bytes: Buffer;
  /** False for a last line that the file ends in the middle of (no newline after it). */
  readonly terminated: boolean;
}

/**
 * The lines of a stream of byte chunks. Lines are cut on the newline byte, which never occurs
 * inside a multi-byte UTF-8 character, so each line decodes on its own.
 */
export function* linesInChunks(chunks: Iterable<Buffer>, startByte: number): Generator<LineAt> {
  let carry: Buffer | undefined;
  let lineStart = startByte;
  for (const chunk of chunks) {
    const bytes = carry === undefined ? chunk : Buffer.concat([carry, chunk]);
    let start = 0;
    for (let end = bytes.indexOf(10, start); end !== -1; end = bytes.indexOf(10, start)) {
      yield { text: bytes.toString('utf8', start, end), startByte: lineStart, bytes: bytes.subarray(start, end + 1), terminated: true };
      lineStart += end + 1 - start;
      start = end + 1;
    }
    // A copy, since the reader reuses its buffer for the next chunk.
    carry = start < bytes.length ? Buffer.from(bytes.subarray(start)) : undefined;
  }
  if (carry !== undefined) yield { text: carry.toString('utf8'), startByte: lineStart, bytes: carry, terminated: false };
}

/** Walks chunks of bytes as lines, calling `visit` until the chunks end or it returns false. */
export function forEachLineInChunks(chunks: Iterable<Buffer>, startByte: number, visit: (line: LineAt) => boolean): void {
  for (const line of linesInChunks(chunks, startByte)) if (!visit(line)) return;
}

/** The chunks of a file from a byte offset on; the buffer is reused, so each chunk is valid until the next. */
export function* fileChunks(path: string, startByte = 0, chunkBytes = CHUNK_BYTES): Generator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    let position = startByte;
    for (let read = readSync(fd, buffer, 0, chunkBytes, position); read > 0; read = readSync(fd, buffer, 0, chunkBytes, position)) {
      position += read;
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

/** The lines of a file from a byte offset (the start of a line) on, with their offsets. */
export function forEachFileLineAt(path: string, startByte: number, visit: (line: LineAt) => boolean, chunkBytes = CHUNK_BYTES): void {
  forEachLineInChunks(fileChunks(path, startByte, chunkBytes), startByte, visit);
}

/** Up to `length` bytes of a file from `at` (fewer where the file ends). */
export function readBytesAt(fd: number, at: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const count = readSync(fd, buffer, read, length - read, at + read);
    if (count === 0) break;
    read += count;
  }
  return read === length ? buffer : buffer.subarray(0, read);
}

/** The last line of a file (without its newline), read backwards from the end in growing blocks. */
export function lastLineOf(fd: number): string {
  const size = fstatSync(fd).size;
  let block = 64 * 1024;
  for (;;) {
    const start = Math.max(0, size - block);
    const text = readBytesAt(fd, start, size - start).toString('utf8').replace(/\n$/, '');
    const newline = text.lastIndexOf('\n');
    if (newline !== -1 || start === 0) return text.slice(newline + 1);
    block *= 4;
  }
}
