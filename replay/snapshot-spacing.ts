// When the checkpoint index writes a snapshot. Not every N revisions: a snapshot of a large
// cluster can be larger than thousands of events, and an index of fixed spacing grew to eleven
// times its log. Instead the index looks every so many bytes of log folded, prices the snapshot
// it would write (only the chunks that changed since the last one, replay/snapshot-chunks.ts),
// and writes it only when it adds no more bytes than the log has grown since the last snapshot.
// Summed over the run, the snapshots then add no more than the log's own size: the index is at
// most the log plus its table of contents. A lookup folds what lies between two snapshots: a
// short gap where little changes between looks, a longer one where a snapshot is dear.

export interface SnapshotSpacing {
  /** Log bytes folded between two looks at whether to write a snapshot. */
  readonly considerEveryBytes: number;
  /** Index bytes a snapshot may add per byte of log folded since the last one; 1 bounds the index by the log. */
  readonly indexBytesPerLogByte: number;
}

/**
 * 64 KiB is about 170 events of a busy run: a look costs a walk of the state's entries and the
 * encoding of the chunks that changed (tens of milliseconds at 3,000 pods), so looking more often
 * would slow the build more than it shortens the folds, which cost about 40 us an event.
 */
export const DEFAULT_SPACING: SnapshotSpacing = { considerEveryBytes: 64 * 1024, indexBytesPerLogByte: 1 };

/** Whether a snapshot that adds `newBytes` to the index is worth its place after `logBytesSince` bytes of log. */
export function keepsSnapshot(newBytes: number, logBytesSince: number, spacing: SnapshotSpacing): boolean {
  return newBytes <= logBytesSince * spacing.indexBytesPerLogByte;
}

/**
 * Log bytes since the last snapshot at which to look again, after a look that priced a snapshot
 * at `priceBytes`: no sooner than the log can pay for a snapshot of that price. The price only
 * grows with the gap, so a look before then would be refused, and each one costs an encoding.
 */
export function nextLookBytes(priceBytes: number, logBytesSince: number, spacing: SnapshotSpacing): number {
  return logBytesSince + Math.max(spacing.considerEveryBytes, priceBytes / spacing.indexBytesPerLogByte - logBytesSince);
}
