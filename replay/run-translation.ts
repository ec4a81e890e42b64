// Run B told in run A's words: each uid and generated name of B that stands for the same object
// (the same identity, run-identities.ts) as one of A is replaced by A's, wherever it appears: a
// uid field, an owner reference, an Event's involved object, the name of an Event about it, a
// message ("Created pod: web-5c5fb9c489-9qz4d"). What is left different after that is a
// difference of meaning, not of the seed.

import type { RunIdentities } from './run-identities.ts';

/** A uid as the API server writes one, or a DNS name (a name with dashes, no dots). */
const TOKEN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9]+(?:-[a-z0-9]+)*/g;

export class RunTranslation {
  /** B's uids and names to A's, only where they differ. */
  private readonly words = new Map<string, string>();

  constructor(
    private readonly a: RunIdentities,
    private readonly b: RunIdentities,
  ) {}

  /** Learns the words of B's object with this uid, if A has an object of the same identity. */
  learn(uidB: string): void {
    const identity = this.b.identityOf(uidB);
    const uidA = identity === undefined ? undefined : this.a.uidOf(identity);
    if (uidA === undefined) return;
    if (uidA !== uidB) this.words.set(uidB, uidA);
    const nameA = this.a.nameOf(uidA);
    const nameB = this.b.nameOf(uidB);
    if (nameA !== undefined && nameB !== undefined && nameA !== nameB) this.words.set(nameB, nameA);
  }

  /** Learns every object B created that A has a counterpart of. */
  learnAll(): this {
    for (const [uid] of this.b.uids()) this.learn(uid);
    return this;
  }

  /** B's word for A's name, to show both: the inverse of the name map. */
  namesInB(): Map<string, string> {
    const inverse = new Map<string, string>();
    for (const [wordB, wordA] of this.words) inverse.set(wordA, wordB);
    return inverse;
  }

  /** A copy of a value of run B with its strings in run A's words. */
  translate<T>(value: T): T {
    return this.words.size === 0 ? value : (this.translateValue(value) as T);
  }

  private translateString(text: string): string {
    return text.replace(TOKEN, (word) => this.words.get(word) ?? word);
  }

  private translateValue(value: unknown): unknown {
    if (typeof value === 'string') return this.translateString(value);
    if (Array.isArray(value)) return value.map((item) => this.translateValue(item));
    if (typeof value !== 'object' || value === null) return value;
    const translated: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) translated[this.translateString(key)] = this.translateValue(field);
    return translated;
  }
}
