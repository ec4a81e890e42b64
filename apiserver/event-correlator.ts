// client-go's EventCorrelator (tools/record/events_cache.go), as each component's recorder runs it
// before an Event reaches the API server:
// - aggregation: when one source records, about one object, events of one type and reason with 10
//   different messages within 10 minutes, the 10th and later become a single Event whose message
//   is "(combined from similar events): " and the latest message, counted up on each repeat;
// - spam filtering: a source may record 25 Events about one object and type at once, then one
//   more every 5 minutes (a token bucket); the rest are dropped and never reach the server.
// So a ReplicaSet scaled to 1,000 replicas shows ten "Created pod" Events, one combined Event and
// then silence, as on a real cluster, rather than 1,000 Events.
//
// This is the recorder's memory, not the cluster's: it lives as long as the run (a component that
// restarts loses it, as upstream's does), and the log holds only the Events that got through.
// Each cache is an LRU of 4,096 entries, as upstream's. Two upstream details are not copied: the
// aggregator forgets one message at random once it holds ten (Go's set PopAny); here it forgets
// the oldest, so runs stay deterministic. And a dropped repeat of an identical Event still adds
// to the count the next patch sends upstream; here the count is of the repeats that got through.

import type { EventRecord } from '../core/commands.ts';

const CACHE_ENTRIES = 4096;
const AGGREGATE_MAX_MESSAGES = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_REFILL_EVERY_MS = 300_000;
export const COMBINED_PREFIX = '(combined from similar events): ';

/** A Map that forgets its least recently used entry past `limit` entries. */
class Lru<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }
}

interface AggregateRecord {
  readonly messages: Set<string>;
  lastMs: number;
}

/** golang.org/x/time/rate's bucket as the spam filter uses it: full at first, a failed take costs nothing. */
interface TokenBucket {
  tokens: number;
  lastMs: number;
}

export type Correlated =
  | { readonly kind: 'record'; readonly message: string }
  /** The combined Event of its group: `aggregateKey` names it across repeats. */
  | { readonly kind: 'aggregate'; readonly message: string; readonly aggregateKey: string }
  | { readonly kind: 'drop' };

export class EventCorrelator {
  private readonly aggregates = new Lru<AggregateRecord>(CACHE_ENTRIES);
  private readonly buckets = new Lru<TokenBucket>(CACHE_ENTRIES);
  /** The names of combined Events by their aggregate key, as the event logger's cache keeps them. */
  readonly combinedNames = new Lru<string>(CACHE_ENTRIES);

  correlate(record: EventRecord, message: string, nowMs: number): Correlated {
    const object = record.involvedObject;
    const spamKey = `${object.kind}\u0000${object.namespace ?? ''}\u0000${object.name}\u0000${object.uid ?? ''}\u0000${object.apiVersion ?? ''}\u0000${record.type}`;
    const aggregateKey = `${spamKey}\u0000${record.reason}`;
    const combined = this.aggregate(aggregateKey, message, nowMs);
    if (!this.tryAccept(spamKey, nowMs)) return { kind: 'drop' };
    return combined ? { kind: 'aggregate', message: COMBINED_PREFIX + message, aggregateKey } : { kind: 'record', message };
  }

  /** Whether the event joins its group's combined Event (EventAggregator.EventAggregate). */
  private aggregate(key: string, message: string, nowMs: number): boolean {
    let record = this.aggregates.get(key);
    if (record === undefined || nowMs - record.lastMs > AGGREGATE_INTERVAL_MS) record = { messages: new Set(), lastMs: nowMs };
    record.messages.add(message);
    record.lastMs = nowMs;
    this.aggregates.set(key, record);
    if (record.messages.size < AGGREGATE_MAX_MESSAGES) return false;
    record.messages.delete(record.messages.values().next().value as string);
    return true;
  }

  /** EventSourceObjectSpamFilter: false when the source has no token left for this object and type. */
  private tryAccept(key: string, nowMs: number): boolean {
    const bucket = this.buckets.get(key) ?? { tokens: SPAM_BURST, lastMs: nowMs };
    const tokens = Math.min(SPAM_BURST, bucket.tokens + (nowMs - bucket.lastMs) / SPAM_REFILL_EVERY_MS);
    this.buckets.set(key, bucket);
    if (tokens < 1) return false;
    bucket.tokens = tokens - 1;
    bucket.lastMs = nowMs;
    return true;
  }
}

/** One correlator per recording component: each kubelet, the scheduler, each controller. */
export class EventRecorders {
  private readonly correlators = new Map<string, EventCorrelator>();

  of(actor: string): EventCorrelator {
    let correlator = this.correlators.get(actor);
    if (correlator === undefined) {
      correlator = new EventCorrelator();
      this.correlators.set(actor, correlator);
    }
    return correlator;
  }
}
