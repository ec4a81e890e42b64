import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachFileLine, forEachStringLine } from '../../replay/file-lines.ts';

const dir = mkdtempSync(join(tmpdir(), 'ksim-lines-'));

function fileWith(text: string): string {
  const path = join(dir, `f-${Math.abs(hash(text))}.txt`);
  writeFileSync(path, text, 'utf8');
  return path;
}

function hash(text: string): number {
  let value = 0;
  for (let index = 0; index < text.length; index++) value = (value * 31 + text.charCodeAt(index)) | 0;
  return value;
}

function fileLines(text: string, chunkBytes: number): string[] {
  const lines: string[] = [];
  forEachFileLine(fileWith(text), (line) => lines.push(line) > 0, chunkBytes);
  return lines;
}

function stringLines(text: string): string[] {
  const lines: string[] = [];
  forEachStringLine(text, (line) => lines.push(line) > 0);
  return lines;
}

describe('reading a file line by line', () => {
  it('cuts at newlines, keeps a last line without one, and adds no empty last line', () => {
    expect(fileLines('a\nbb\n', 3)).toEqual(['a', 'bb']);
    expect(fileLines('a\nbb', 3)).toEqual(['a', 'bb']);
    expect(fileLines('a\n\nb\n\n', 2)).toEqual(['a', '', 'b', '']);
    expect(fileLines('', 4)).toEqual([]);
  });

  it('keeps a character whose bytes straddle two chunks whole', () => {
    // "é" is two bytes and "🙂" four: with 3-byte chunks they are cut in the middle.
    expect(fileLines('aé\n🙂x\n', 3)).toEqual(['aé', '🙂x']);
  });

  it('stops when the visitor says so', () => {
    const seen: string[] = [];
    forEachFileLine(fileWith('1\n2\n3\n'), (line) => seen.push(line) < 2, 1);
    expect(seen).toEqual(['1', '2']);
  });

  it('gives the same lines as the string walk, for any text and chunk size', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constant('\n')), { maxLength: 12 }), fc.integer({ min: 1, max: 9 }), (parts, chunkBytes) => {
        const text = parts.join('');
        expect(fileLines(text, chunkBytes)).toEqual(stringLines(text));
        expect(stringLines(text)).toEqual(text === '' ? [] : text.replace(/\n$/, '').split('\n'));
      }),
    );
  });

  it('passes on the file system error', () => {
    expect(() => forEachFileLine(join(dir, 'missing.txt'), () => true)).toThrow(/ENOENT/);
  });
});
