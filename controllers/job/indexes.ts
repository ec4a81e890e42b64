// Completion indexes of an Indexed Job, as upstream's pkg/controller/job/indexed_job_utils.go keeps
// them: .status.completedIndexes and .status.failedIndexes are ordered, merged intervals written as
// "1,3-5,7" (orderedIntervals.String), where two neighbours are written "3,4" rather than "3-4".
// A pod carries its index in the batch.kubernetes.io/job-completion-index annotation (and, since
// PodIndexLabel, a label of the same name); the controller only ever reads the annotation.

export const JOB_COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';
/** The label has the same name as the annotation (addCompletionIndexLabel). */
export const JOB_COMPLETION_INDEX_LABEL = JOB_COMPLETION_INDEX_ANNOTATION;
export const JOB_INDEX_FAILURE_COUNT_ANNOTATION = 'batch.kubernetes.io/job-index-failure-count';
export const JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION = 'batch.kubernetes.io/job-index-ignored-failure-count';

/** Upstream's unknownCompletionIndex. */
export const UNKNOWN_COMPLETION_INDEX = -1;

export interface Interval {
  readonly first: number;
  readonly last: number;
}

export type Intervals = readonly Interval[];

const MAX_INT32 = 2 ** 31 - 1;

/**
 * Go's strconv.Atoi on a decimal: an optional sign and digits, nothing else. Values beyond a
 * 64-bit int are refused by Go; we refuse past 2^53, which no index or count reaches.
 */
export function atoi(text: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = Number.parseInt(text, 10);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** getCompletionIndex: the annotation as a non-negative int, or UNKNOWN_COMPLETION_INDEX. */
export function completionIndexOf(annotations: Readonly<Record<string, string>> | undefined): number {
  const value = annotations?.[JOB_COMPLETION_INDEX_ANNOTATION];
  if (value === undefined) return UNKNOWN_COMPLETION_INDEX;
  const index = atoi(value);
  return index === undefined || index < 0 ? UNKNOWN_COMPLETION_INDEX : index;
}

/**
 * parseInt32 of the failure-count annotations: 0 when the value is missing, unparsable, negative
 * or beyond int32, as upstream falls back to 0 for a value a user may have tampered with.
 */
export function parseCountAnnotation(value: string | undefined): number {
  if (value === undefined) return 0;
  const count = atoi(value);
  return count === undefined || count < 0 || count > MAX_INT32 ? 0 : count;
}

export function total(intervals: Intervals): number {
  let count = 0;
  for (const { first, last } of intervals) count += last - first + 1;
  return count;
}

/** orderedIntervals.has: binary search for the first interval ending at or after the index. */
export function hasIndex(intervals: Intervals | undefined, index: number): boolean {
  if (intervals === undefined) return false;
  let lo = 0;
  let hi = intervals.length;
  while (hi > lo) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if ((intervals[mid]?.last ?? 0) >= index) hi = mid;
    else lo = mid + 1;
  }
  const found = intervals[hi];
  return found !== undefined && found.first <= index;
}

/** orderedIntervals.String: "0,2-4,6,7" (a pair of neighbours is written with a comma). */
export function formatIntervals(intervals: Intervals): string {
  const parts: string[] = [];
  for (const { first, last } of intervals) {
    if (last === first) parts.push(`${first}`);
    else parts.push(`${first}${last === first + 1 ? ',' : '-'}${last}`);
  }
  return parts.join(',');
}

/**
 * parseIndexesFromString: intervals below `completions`, in the order written. A corrupted part is
 * skipped, the first part at or past completions ends the parse, a last bound past completions is
 * clipped, and an interval that continues the previous one is merged into it.
 */
export function parseIndexes(text: string, completions: number): Interval[] {
  const result: Interval[] = [];
  if (text === '') return result;
  for (const part of text.split(',')) {
    const limits = part.split('-');
    const first = atoi(limits[0] ?? '');
    if (first === undefined) continue;
    if (first >= completions) break;
    let last = first;
    if (limits.length > 1) {
      const parsed = atoi(limits[1] ?? '');
      if (parsed === undefined) continue;
      last = Math.min(parsed, completions - 1);
    }
    const previous = result[result.length - 1];
    if (previous !== undefined && previous.last === first - 1) result[result.length - 1] = { first: previous.first, last };
    else result.push({ first, last });
  }
  return result;
}

/** orderedIntervals.merge: both lists in order; overlapping or adjacent intervals become one. */
export function mergeIntervals(a: Intervals, b: Intervals): Interval[] {
  const result: Interval[] = [];
  const append = (next: Interval): void => {
    const last = result[result.length - 1];
    if (last === undefined || next.first > last.last + 1) result.push(next);
    else if (last.last < next.last) result[result.length - 1] = { first: last.first, last: next.last };
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const left = a[i] as Interval;
    const right = b[j] as Interval;
    if (left.first < right.first) {
      append(left);
      i++;
    } else {
      append(right);
      j++;
    }
  }
  for (; i < a.length; i++) append(a[i] as Interval);
  for (; j < b.length; j++) append(b[j] as Interval);
  return result;
}

/** orderedIntervals.withOrderedIndexes: the intervals with indexes given in increasing order added. */
export function withOrderedIndexes(intervals: Intervals, indexes: readonly number[]): Interval[] {
  return mergeIntervals(intervals, indexes.map((index) => ({ first: index, last: index })));
}

/** A set of indexes as the increasing list sets.List gives. */
export function sortedIndexes(indexes: Iterable<number>): number[] {
  return [...new Set(indexes)].sort((a, b) => a - b);
}

/**
 * firstPendingIndexes: the first `count` indexes below `completions` that are neither in
 * `nonPending` (succeeded, active, failed and, for podReplacementPolicy Failed, terminating
 * indexes, merged by the caller) nor past completions.
 */
export function firstPendingIndexes(nonPending: Intervals, count: number, completions: number): number[] {
  const result: number[] = [];
  if (count === 0) return result;
  let candidate = 0;
  for (const interval of nonPending) {
    for (; candidate < completions && result.length < count && candidate < interval.first; candidate++) {
      result.push(candidate);
    }
    if (candidate < interval.last + 1) candidate = interval.last + 1;
  }
  for (; candidate < completions && result.length < count; candidate++) result.push(candidate);
  return result;
}
