// Snapshots that share what did not change. Each stream of the state (replay/state-codec.ts) is
// cut into chunks of entries, a chunk ending after an entry whose key hashes to a boundary, so
// the cuts depend on the keys alone: adding or removing a pod changes the one chunk that holds
// it, and every other chunk is the same as in the snapshot before. A snapshot is then a list of
// references to chunks, and only the chunks that changed are written again; a cluster of 3,000
// pods where a few hundred changed costs a few chunks, not 4 MB.
//
// Planning is separate from writing, so that the index can price a snapshot (the bytes it would
// add) before deciding to keep it.

import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Entry, StateStream, StreamShape } from './state-codec.ts';

/** Where a chunk lies in the index file and the checksum of its bytes: [at, length, checksum]. */
export type ChunkRef = readonly [number, number, string];

/** One snapshot line: the state's revision and time and, per stream, its chunks in order. */
export interface SnapshotLine {
  readonly rev: number;
  readonly timeMs: number;
  readonly streams: readonly (readonly [string, readonly ChunkRef[]])[];
}

/**
 * Entries per chunk on average, by shape: an object is about a kilobyte, a group member a few
 * dozen bytes, and both give chunks of some kilobytes: small enough that a change rewrites
 * little, large enough that a load reads a few hundred chunks rather than thousands.
 */
const ENTRIES_PER_CHUNK: Readonly<Record<StreamShape, number>> = { table: 16, groups: 256 };

/**
 * Chunks are stored deflated: objects of one kind repeat their field names and most values, so
 * a chunk of pods shrinks about 13 times (4.7 MB of a 3,000-pod state to 360 KB, measured), and
 * under the index's byte budget snapshots can be that many times closer, which shortens the fold
 * a question pays for. Level 1: the higher levels gain 6% for as much time again.
 */
export function packChunk(json: string): Buffer {
  return deflateRawSync(Buffer.from(json, 'utf8'), { level: 1 });
}

/** A chunk's JSON text as bytes, from what the index holds. */
export function unpackChunk(stored: Buffer): Buffer {
  return inflateRawSync(stored);
}

export function checksumOf(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('base64');
}

/**
 * FNV-1a over the UTF-16 code units, then murmur3's finalizer: a cheap, fixed hash, so the cuts
 * are the same on every machine. The finalizer matters: FNV-1a's low bits depend only on the low
 * bits of the characters, and names that differ in a suffix would cut into very uneven chunks.
 */
function keyHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** What tells two entries of a stream apart: the key of a table, the group and member of a SetIndex. */
function identityOf(entry: Entry, shape: StreamShape): string {
  return shape === 'table' ? entry[0] : `${entry[0]}\u0000${entry[1] as string}`;
}

/** A chunk encoded for a plan: its entries, its stored bytes and their checksum. */
interface EncodedChunk {
  readonly entries: readonly Entry[];
  readonly bytes: Buffer;
  readonly checksum: string;
}

function encodeChunk(entries: readonly Entry[], stream: StateStream): EncodedChunk {
  const bytes = packChunk(JSON.stringify(entries.map(stream.toJson)));
  return { entries, bytes, checksum: checksumOf(bytes) };
}

interface KeptChunk {
  readonly entries: readonly Entry[];
  readonly ref: ChunkRef;
}

/** A chunk of the planned snapshot: one already in the index, or new bytes to append. */
type PlannedChunk = { readonly kept: KeptChunk } | { readonly entries: readonly Entry[]; readonly bytes: Buffer; readonly ref: ChunkRef };

export interface SnapshotPlan {
  readonly streams: readonly (readonly [string, StreamShape, readonly PlannedChunk[]])[];
  /** The snapshot line, with its newline. */
  readonly line: Buffer;
  /** Bytes the snapshot adds to the index: its new chunks and its line, newlines included. */
  readonly newBytes: number;
}

function sameEntries(a: readonly Entry[], b: readonly Entry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if ((a[i] as Entry)[0] !== (b[i] as Entry)[0] || (a[i] as Entry)[1] !== (b[i] as Entry)[1]) return false;
  return true;
}

/** A stream's entries cut at boundary keys. */
function cutStream(stream: StateStream): Entry[][] {
  const every = ENTRIES_PER_CHUNK[stream.shape];
  const chunks: Entry[][] = [];
  let current: Entry[] = [];
  for (const entry of stream.entries()) {
    current.push(entry);
    if (keyHash(identityOf(entry, stream.shape)) % every === 0) {
      chunks.push(current);
      current = [];
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Remembers the chunks of the last snapshot written, plans the next one against them, and
 * records a plan once it is written.
 */
export class ChunkedSnapshots {
  /** Per stream, the chunks of the last snapshot written, by the identity of their first entry. */
  private kept = new Map<string, Map<string, KeptChunk>>();
  /**
   * Per stream, the chunks the last plan had to encode, by the identity of their first entry. A
   * plan the spacing refused is followed by another a little later, in which most of those chunks
   * are still the same: they are not encoded and deflated again.
   */
  private encoded = new Map<string, Map<string, EncodedChunk>>();

  /** The snapshot of `state`'s streams as it would be written with the index's end at `endByte`. */
  plan(rev: number, timeMs: number, streams: readonly StateStream[], endByte: number): SnapshotPlan {
    let offset = endByte;
    const encodedNow = new Map<string, Map<string, EncodedChunk>>();
    const planned = streams.map((stream): [string, StreamShape, PlannedChunk[]] => {
      const kept = this.kept.get(stream.name);
      const encodedBefore = this.encoded.get(stream.name);
      const encodedHere = new Map<string, EncodedChunk>();
      encodedNow.set(stream.name, encodedHere);
      const chunks = cutStream(stream).map((entries): PlannedChunk => {
        const identity = identityOf(entries[0] as Entry, stream.shape);
        const before = kept?.get(identity);
        if (before !== undefined && sameEntries(before.entries, entries)) return { kept: before };
        const earlier = encodedBefore?.get(identity);
        const encoded = earlier !== undefined && sameEntries(earlier.entries, entries) ? earlier : encodeChunk(entries, stream);
        encodedHere.set(identity, encoded);
        const ref: ChunkRef = [offset, encoded.bytes.length, encoded.checksum];
        offset += encoded.bytes.length + 1;
        return { entries, bytes: encoded.bytes, ref };
      });
      return [stream.name, stream.shape, chunks];
    });
    this.encoded = encodedNow;
    const line: SnapshotLine = { rev, timeMs, streams: planned.map(([name, , chunks]) => [name, chunks.map(refOf)]) };
    const lineBytes = Buffer.from(`${JSON.stringify(line)}\n`, 'utf8');
    return { streams: planned, line: lineBytes, newBytes: offset - endByte + lineBytes.length };
  }

  /** Takes a written plan's chunks as the ones the next snapshot is compared with. */
  written(plan: SnapshotPlan): void {
    this.kept = new Map(
      plan.streams.map(([name, shape, chunks]) => [name, new Map(chunks.map((chunk) => [identityOf(entriesOf(chunk)[0] as Entry, shape), keptOf(chunk)]))]),
    );
  }
}

function refOf(chunk: PlannedChunk): ChunkRef {
  return 'kept' in chunk ? chunk.kept.ref : chunk.ref;
}

function entriesOf(chunk: PlannedChunk): readonly Entry[] {
  return 'kept' in chunk ? chunk.kept.entries : chunk.entries;
}

function keptOf(chunk: PlannedChunk): KeptChunk {
  return 'kept' in chunk ? chunk.kept : { entries: chunk.entries, ref: chunk.ref };
}

/** The new chunks of a plan, in the order their offsets were given. */
export function newChunkBytes(plan: SnapshotPlan): Buffer[] {
  return plan.streams.flatMap(([, , chunks]) => chunks.flatMap((chunk) => ('kept' in chunk ? [] : [chunk.bytes])));
}
