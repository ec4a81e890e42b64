// Per-key back-off after failed syncs, as client-go's ItemExponentialFailureRateLimiter with the
// controllers' defaults (DefaultTypedControllerRateLimiter): 5 ms after the first failure,
// doubling with each failure in a row, at most 1000 s; a sync that succeeds forgets the key.

export const BASE_DELAY_MS = 5;
export const MAX_DELAY_MS = 1_000_000;

export class FailureBackoff {
  private readonly failures = new Map<string, number>();

  /** The delay before the key's next try, counting this failure. */
  nextDelayMs(key: string): number {
    const failures = this.failures.get(key) ?? 0;
    this.failures.set(key, failures + 1);
    // 2^28 * 5 ms is past the cap already; stop doubling before the number grows silly.
    return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(failures, 28));
  }

  forget(key: string): void {
    this.failures.delete(key);
  }

  failuresOf(key: string): number {
    return this.failures.get(key) ?? 0;
  }
}
