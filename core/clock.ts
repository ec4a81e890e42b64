// Virtual time. Time zero of every run is a fixed instant, so timestamps in objects are the same
// on every machine; nothing here reads the wall clock.

/** Virtual time 0 as Unix milliseconds: 2025-01-01T00:00:00Z. */
export const EPOCH_MS = Date.UTC(2025, 0, 1);

let cachedSecond = Number.NaN;
let cachedText = '';

/**
 * An RFC 3339 timestamp with whole seconds, as metav1.Time serialises. Many objects change in the
 * same virtual second, so the last second formatted is kept.
 */
export function toTimestamp(virtualMs: number): string {
  const second = Math.floor(virtualMs / 1000);
  if (second !== cachedSecond) {
    cachedText = new Date(EPOCH_MS + second * 1000).toISOString().replace('.000Z', 'Z');
    cachedSecond = second;
  }
  return cachedText;
}

/** Virtual milliseconds for a timestamp written by toTimestamp. */
export function fromTimestamp(timestamp: string): number {
  return Date.parse(timestamp) - EPOCH_MS;
}
