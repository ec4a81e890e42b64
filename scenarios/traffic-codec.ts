// The `traffic` step's fields as io-ts codecs: a source ("pod", "pod/client", "pod/shop/client",
// "node", "node/worker-1", "external"), a destination, a rate ("100/s", "30/m", or a number a
// second) and how long it lasts.

import * as t from 'io-ts';
import type { TrafficSource } from '../controllers/traffic/flow.ts';

/** At most this many requests a second per step: every request is a draw of the generator. */
export const MAX_REQUESTS_PER_SECOND = 100_000;

const SOURCE_WORDS = 'pod, pod/<name>, pod/<namespace>/<name>, node, node/<name> or external';

/** The source as written; the namespace of a pod without one is the step's. */
export type SourceSpec = { readonly kind: 'external' } | { readonly kind: 'node'; readonly name?: string } | { readonly kind: 'pod'; readonly namespace?: string; readonly name?: string };

export function parseSource(text: string): SourceSpec | undefined {
  const [kind, ...rest] = text.split('/');
  if (rest.some((part) => part === '')) return undefined;
  if (kind === 'external' && rest.length === 0) return { kind: 'external' };
  if (kind === 'node' && rest.length <= 1) return rest.length === 0 ? { kind: 'node' } : { kind: 'node', name: rest[0] as string };
  if (kind !== 'pod' || rest.length > 2) return undefined;
  if (rest.length === 0) return { kind: 'pod' };
  return rest.length === 1 ? { kind: 'pod', name: rest[0] as string } : { kind: 'pod', namespace: rest[0] as string, name: rest[1] as string };
}

export function sourceOf(spec: SourceSpec, namespace: string): TrafficSource {
  if (spec.kind !== 'pod') return spec;
  const podNamespace = spec.namespace ?? namespace;
  return spec.name === undefined ? { kind: 'pod', namespace: podNamespace } : { kind: 'pod', namespace: podNamespace, name: spec.name };
}

const Source = new t.Type<SourceSpec, string, unknown>(
  SOURCE_WORDS,
  (value): value is SourceSpec => typeof value === 'object' && value !== null && 'kind' in value,
  (value, context) => {
    const parsed = typeof value === 'string' ? parseSource(value) : undefined;
    return parsed === undefined ? t.failure(value, context, `expected ${SOURCE_WORDS}, got ${JSON.stringify(value)}`) : t.success(parsed);
  },
  (spec) => (spec.kind === 'pod' ? ['pod', spec.namespace, spec.name].filter((part) => part !== undefined).join('/') : spec.kind === 'node' && spec.name !== undefined ? `node/${spec.name}` : spec.kind),
);

/** Requests a second from "100/s", "30/m", "2/h" or a plain number. */
export function parseRate(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 && value <= MAX_REQUESTS_PER_SECOND ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*\/\s*(s|m|h)$/.exec(value.trim());
  if (match === null) return undefined;
  const perSecond = Number(match[1]) / { s: 1, m: 60, h: 3600 }[match[2] as 's' | 'm' | 'h'];
  return perSecond > 0 && perSecond <= MAX_REQUESTS_PER_SECOND ? perSecond : undefined;
}

const Rate = new t.Type<number, string, unknown>(
  'a rate like 100/s or 30/m',
  (value): value is number => typeof value === 'number',
  (value, context) => {
    const rate = parseRate(value);
    return rate === undefined ? t.failure(value, context, `expected a rate like 100/s, 30/m or 2/h (more than 0, at most ${MAX_REQUESTS_PER_SECOND}/s), got ${JSON.stringify(value)}`) : t.success(rate);
  },
  (rate) => `${rate}/s`,
);

export function trafficAction(duration: t.Type<number, string, unknown>) {
  return t.intersection([t.type({ from: Source, to: t.string, rate: Rate, for: duration }), t.partial({ name: t.string, namespace: t.string })]);
}
