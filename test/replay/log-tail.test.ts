import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LogTail } from '../../replay/log-tail.ts';

function emptyFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ksim-tail-')), 'run.ndjson');
  writeFileSync(path, '');
  return path;
}

describe('LogTail', () => {
  it('returns each line once, when its newline has been written', () => {
    const path = emptyFile();
    const tail = new LogTail(path);
    expect(tail.readLines()).toEqual([]);
    appendFileSync(path, 'one\ntw');
    expect(tail.readLines()).toEqual(['one']);
    expect(tail.readLines()).toEqual([]);
    appendFileSync(path, 'o\nthree\n');
    expect(tail.readLines()).toEqual(['two', 'three']);
    tail.close();
  });

  it('decodes a character whose bytes arrive in two writes', () => {
    const path = emptyFile();
    const tail = new LogTail(path);
    const bytes = Buffer.from('café\n', 'utf8');
    appendFileSync(path, bytes.subarray(0, 4));
    expect(tail.readLines()).toEqual([]);
    appendFileSync(path, bytes.subarray(4));
    expect(tail.readLines()).toEqual(['café']);
    tail.close();
  });

  it('throws the file system error for a missing file', () => {
    expect(() => new LogTail(join(tmpdir(), 'ksim-no-such-dir', 'run.ndjson'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
