// The engine's rules, with a toy API server: a command's manifest is a note, admitted as one event
// whose message is the note (a refusal when the note starts with "refuse"), and the state is the
// list of notes in log order.

import { filter, map, mergeMap } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../core/commands.ts';
import { type Controller, fail, submit, wake, wakeInBackground } from '../../core/controller.ts';
import { ControllerError, Engine, LivelockError } from '../../core/engine.ts';
import type { EventBody, KsimEvent } from '../../core/events.ts';

type Notes = readonly string[];

const note = (text: string, actor = 'user'): Command => ({ type: 'apply', actor, manifest: text });

function noteEvent(text: string): EventBody {
  if (text.startsWith('refuse')) return { type: 'request/rejected', request: { verb: 'note', kind: 'Note' }, code: 409, reason: 'Conflict', message: text };
  const involvedObject = { kind: 'Note', name: 'n' };
  return { type: 'event/recorded', namespace: 'default', name: 'n', uid: 'u', involvedObject, reason: 'Noted', message: text, eventType: 'Normal', source: 'test' };
}

function engine(controllers: Controller<Notes>[], log: KsimEvent[] = [], maxStepsPerInstant = 10_000): Engine<Notes> {
  return new Engine<Notes>(
    {
      initialState: [],
      admit: (command) => [noteEvent(String((command as { manifest: unknown }).manifest))],
      reduce: (state, event) => (event.type === 'request/rejected' || event.type === 'event/recorded' ? [...state, event.message] : state),
      controllers,
      onEvent: (event) => log.push(event),
      maxStepsPerInstant,
    },
    1,
  );
}

/** A controller that answers each note starting with `on` by submitting `reply(note)`. */
function responder(name: string, on: string, reply: (text: string) => string[]): Controller<Notes> {
  return {
    name,
    watch: (changes) =>
      changes.pipe(
        map(({ event }) => (event.type === 'event/recorded' ? event.message : '')),
        filter((text) => text.startsWith(on)),
      ),
    reconcile: (key) => reply(key).map((text) => submit(note(text, name))),
  };
}

describe('engine', () => {
  it('numbers events 1, 2, 3 and stamps them with virtual time and actor', () => {
    const log: KsimEvent[] = [];
    const run = engine([], log);
    run.schedule(5000, note('a'));
    run.schedule(0, note('b'));
    run.runUntil(10_000);
    expect(log.map((event) => [event.rev, event.time, event.actor])).toEqual([[1, 0, 'user'], [2, 5000, 'user']]);
    expect(run.currentState).toEqual(['b', 'a']);
    expect(run.nowMs).toBe(10_000);
  });

  it('runs every queued command before any controller reconciles, and a reconcile\'s commands before the next key', () => {
    const run = engine([responder('echo', 'ask', (text) => [`re ${text}: one`, `re ${text}: two`])]);
    run.schedule(0, note('ask 1'));
    run.schedule(0, note('ask 2'));
    run.runUntil(0);
    expect(run.currentState).toEqual(['ask 1', 'ask 2', 're ask 1: one', 're ask 1: two', 're ask 2: one', 're ask 2: two']);
  });

  it('reconciles a key waiting twice only once', () => {
    let reconciles = 0;
    const counter: Controller<Notes> = { name: 'counter', watch: (changes) => changes.pipe(map(() => 'same')), reconcile: () => (reconciles++, []) };
    const run = engine([counter]);
    for (const text of ['a', 'b', 'c']) run.schedule(0, note(text));
    run.runUntil(0);
    expect(reconciles).toBe(1);
  });

  it('lets the first controller in order with a waiting key go first', () => {
    const run = engine([responder('first', 'go', () => ['first']), responder('second', 'go', () => ['second'])]);
    run.schedule(0, note('go'));
    run.runUntil(0);
    expect(run.currentState).toEqual(['go', 'first', 'second']);
  });

  it('delivers a wake at its virtual time and jumps the clock there', () => {
    const woken: number[] = [];
    const timer: Controller<Notes> = {
      name: 'timer',
      watch: (changes) => changes.pipe(map(() => 'tick'), filter(() => woken.length === 0)),
      reconcile: (_key, { nowMs }) => {
        woken.push(nowMs);
        return woken.length === 1 ? [wake(nowMs + 30_000, 'tick')] : [];
      },
    };
    const run = engine([timer]);
    run.schedule(1000, note('start'));
    expect(run.runUntil(Number.POSITIVE_INFINITY)).toBe(false);
    expect(woken).toEqual([1000, 31_000]);
    expect(run.nowMs).toBe(31_000);
  });

  it('does not let background timers keep an endless run alive', () => {
    let beats = 0;
    const heart: Controller<Notes> = {
      name: 'heart',
      watch: () => new (class { subscribe() { return { unsubscribe() {} }; } })() as never,
      reconcile: (_key, { nowMs }) => {
        beats++;
        return [wakeInBackground(nowMs + 10_000, 'beat')];
      },
      start: () => [wakeInBackground(10_000, 'beat')],
    };
    const run = engine([heart]);
    run.schedule(25_000, note('last work'));
    expect(run.runUntil(Number.POSITIVE_INFINITY)).toBe(false);
    expect(run.nowMs).toBe(25_000);
    expect(beats).toBe(2);
    run.runUntil(60_000);
    expect(beats).toBe(6);
  });

  it('fails loudly, naming the seed, when controllers feed each other for ever', () => {
    const run = engine([responder('ping', 'p', (text) => [text])]);
    run.schedule(0, note('p'));
    expect(() => run.runUntil(0)).toThrow(LivelockError);
    const again = engine([responder('ping', 'p', (text) => [text])]);
    again.schedule(0, note('p'));
    expect(() => again.runUntil(0)).toThrow(/more than 10000 steps at virtual time 0ms \(seed 1\)/);
  });

  it('brings a key back after a refusal, doubling the delay with each refusal in a row, and forgets once a sync passes', () => {
    const tries: number[] = [];
    let refusalsLeft = 3;
    const stubborn: Controller<Notes> = {
      name: 'stubborn',
      watch: (changes) => changes.pipe(mergeMap(({ event }) => (event.type === 'event/recorded' && event.message === 'go' ? ['key'] : []))),
      reconcile: (_key, { nowMs }) => {
        tries.push(nowMs);
        return [submit(note(refusalsLeft-- > 0 ? 'refuse' : 'done', 'stubborn'))];
      },
    };
    const run = engine([stubborn]);
    run.schedule(1000, note('go'));
    run.runUntil(Number.POSITIVE_INFINITY);
    expect(tries).toEqual([1000, 1005, 1015, 1035]);
    expect(run.currentState.at(-1)).toBe('done');
    run.schedule(2000, note('go'));
    run.runUntil(Number.POSITIVE_INFINITY);
    expect(tries.at(-1)).toBe(2000);
    expect(run.nowMs).toBe(2000);
  });

  it('ends the run with the controller and the event when its watch pipeline throws', () => {
    const broken: Controller<Notes> = {
      name: 'broken',
      watch: (changes) => changes.pipe(map(({ event }) => {
        if (event.rev === 2) throw new Error('cannot read this');
        return 'k';
      })),
      reconcile: () => [],
    };
    const run = engine([broken]);
    run.schedule(0, note('a'));
    run.schedule(0, note('b'));
    expect(() => run.runUntil(0)).toThrow(ControllerError);
    const again = engine([broken]);
    again.schedule(0, note('a'));
    again.schedule(0, note('b'));
    expect(() => again.runUntil(0)).toThrow('controller broken failed in its watch of rev 2 (event/recorded) (seed 1): cannot read this');
  });

  it('ends the run with the controller and the key when a reconcile throws', () => {
    const broken: Controller<Notes> = { name: 'broken', watch: (changes) => changes.pipe(map(() => 'web')), reconcile: () => { throw new Error('boom'); } };
    const run = engine([broken]);
    run.schedule(0, note('a'));
    expect(() => run.runUntil(0)).toThrow('controller broken failed in reconcile of key "web" (seed 1): boom');
  });

  it('treats a reconcile that fails without a refused request like one that was refused', () => {
    const tries: number[] = [];
    const failing: Controller<Notes> = {
      name: 'failing',
      watch: (changes) => changes.pipe(mergeMap(({ event }) => (event.type === 'event/recorded' && event.message === 'go' ? ['key'] : []))),
      reconcile: (_key, { nowMs }) => {
        tries.push(nowMs);
        return tries.length < 3 ? [fail('not yet')] : [];
      },
    };
    const run = engine([failing]);
    run.schedule(0, note('go'));
    run.runUntil(Number.POSITIVE_INFINITY);
    expect(tries).toEqual([0, 5, 15]);
  });
});
