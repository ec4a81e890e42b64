// Virtual time. Time zero of every run is a fixed instant, so timestamps in objects are the same
// on every machine; nothing here reads the wall clock.

/** Virtual time 0 as Unix milliseconds: 2025-01-01T00:00:00Z. */
export const EPOCH_MS = Date.UTC(2025, 0, 1);

/** An RFC 3339 timestamp with whole seconds, as metav1.Time serialises. */
export function toTimestamp(virtualMs: number): string {
  return new Date(EPOCH_MS + Math.floor(virtualMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Virtual milliseconds for a timestamp written by toTimestamp. */
export function fromTimestamp(timestamp: string): number {
  return Date.parse(timestamp) - EPOCH_MS;
}
