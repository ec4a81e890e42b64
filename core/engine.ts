// The engine kernel: one command at a time, run to completion. A command is admitted into events,
// each event is appended (rev + 1) and reduced, and every controller sees the change in a fixed
// order through its watch pipeline. When no command is queued, the first controller (in the
// order given) with a waiting key reconciles one key; its commands run before the next key. When
// nothing is queued at all, the clock jumps to the next timer. Nothing here reads the wall clock.
//
// A reconcile whose request is refused is a failed sync: its key comes back after a delay that
// doubles with each failure in a row, as client-go's rate-limited work queue does, and a sync
// whose requests all pass forgets the failures. A controller that throws, in its watch pipeline
// or its reconcile, ends the run with a ControllerError naming it, the key or event, and the cause.

import { Subject } from 'rxjs';
import { Agenda } from './agenda.ts';
import type { Command } from './commands.ts';
import type { Change, Controller, Effect, ReconcileContext } from './controller.ts';
import type { EventBody, KsimEvent } from './events.ts';
import { Rng } from './prng.ts';
import { FailureBackoff } from './failure-backoff.ts';
import { WorkQueue } from './work-queue.ts';

export interface AdmitContext {
  readonly nowMs: number;
  readonly rng: Rng;
}

export interface EngineParts<S> {
  readonly initialState: S;
  readonly admit: (command: Command, state: S, context: AdmitContext) => readonly EventBody[];
  readonly reduce: (state: S, event: KsimEvent) => S;
  /** In the order they reconcile when several have keys waiting. */
  readonly controllers: readonly Controller<S>[];
  /** Called with every appended event, in order; a log writer plugs in here. */
  readonly onEvent?: (event: KsimEvent, after: S) => void;
  /** The bound on steps at one virtual instant; MAX_STEPS_PER_INSTANT unless given. */
  readonly maxStepsPerInstant?: number;
  /**
   * Actors whose requests draw their ids and names from a random stream of their own rather than
   * the API server's shared one, so that a component added later (the ServiceAccount controller,
   * creating an object in every namespace) does not shift the names every other request gets.
   */
  readonly ownAdmissionStreams?: readonly string[];
}

/** Which reconcile asked for a command, so a refusal can bring its key back. */
interface Origin {
  readonly controller: number;
  readonly key: string;
  refused: boolean;
}

interface Queued {
  readonly command: Command;
  readonly origin?: Origin;
}

type AgendaItem =
  | { readonly kind: 'command'; readonly command: Command }
  | { readonly kind: 'wake'; readonly controller: number; readonly key: string; readonly background: boolean };

/** A bound on the work done at one virtual instant, so a feedback loop fails loudly instead of hanging. */
export const MAX_STEPS_PER_INSTANT = 5_000_000;

export class LivelockError extends Error {}

/** A controller failed: the run cannot go on without it, and silently dropping it would lie. */
export class ControllerError extends Error {
  constructor(
    readonly controller: string,
    /** "reconcile of key ..." or "watch of event ..." */
    readonly during: string,
    override readonly cause: unknown,
    seed: number,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`controller ${controller} failed in ${during} (seed ${seed}): ${reason}`);
    this.name = 'ControllerError';
  }
}

interface Wired<S> {
  readonly controller: Controller<S>;
  readonly queue: WorkQueue;
  readonly rng: Rng;
  readonly backoff: FailureBackoff;
}

function describeEvent(event: KsimEvent): string {
  return `rev ${event.rev} (${event.type})`;
}

export class Engine<S> {
  private state: S;
  private rev = 0;
  private now = 0;
  private readonly agenda = new Agenda<AgendaItem>();
  private readonly inbox: Queued[] = [];
  /** The reconcile whose commands are running; settled once they have all run. */
  private running: Origin | undefined;
  private watchFailure: ControllerError | undefined;
  private inboxHead = 0;
  private readonly changes = new Subject<Change<S>>();
  private readonly wired: readonly Wired<S>[];
  private readonly apiserverRng: Rng;
  private readonly actorRngs = new Map<string, Rng>();
  private stepsThisInstant = 0;
  private lastEvent: KsimEvent | undefined;
  /** Timers that are not background ones; the run is idle when none is left. */
  private foregroundTimers = 0;

  constructor(
    private readonly parts: EngineParts<S>,
    readonly seed: number,
  ) {
    this.state = parts.initialState;
    this.apiserverRng = Rng.forComponent(seed, 'kube-apiserver');
    for (const actor of parts.ownAdmissionStreams ?? []) this.actorRngs.set(actor, Rng.forComponent(seed, `kube-apiserver/${actor}`));
    this.wired = parts.controllers.map((controller) => {
      const queue = new WorkQueue();
      controller.watch(this.changes).subscribe({
        next: (key) => queue.add(key),
        error: (cause: unknown) => {
          const during = this.lastEvent === undefined ? 'its watch' : `its watch of ${describeEvent(this.lastEvent)}`;
          this.watchFailure ??= new ControllerError(controller.name, during, cause, seed);
        },
      });
      return { controller, queue, rng: Rng.forComponent(seed, controller.name), backoff: new FailureBackoff() };
    });
    this.wired.forEach((wired, index) => {
      if (wired.controller.start) this.apply(index, wired.controller.start(this.contextFor(wired)));
    });
  }

  get currentState(): S {
    return this.state;
  }

  get revision(): number {
    return this.rev;
  }

  get nowMs(): number {
    return this.now;
  }

  /** Queues a command for a virtual time (a scenario step). */
  schedule(atMs: number, command: Command): void {
    this.agenda.schedule(Math.max(atMs, this.now), { kind: 'command', command });
    this.foregroundTimers++;
  }

  /** True when nothing is queued and only background timers (heartbeats) are left. */
  get idle(): boolean {
    return this.foregroundTimers === 0;
  }

  /**
   * Runs everything due up to and including `endMs`, then leaves the clock at `endMs`.
   * With `stopWhenIdle` (the default for an endless run) it stops as soon as the run goes idle,
   * the clock at the last work done. Returns false when the run went idle.
   */
  runUntil(endMs: number, stopWhenIdle = endMs === Number.POSITIVE_INFINITY): boolean {
    this.settle();
    for (;;) {
      const next = this.agenda.peekTime();
      if (this.idle && stopWhenIdle) return false;
      // With a finite end, time still passes to the end when nothing is left to do.
      if (next === undefined || next > endMs) break;
      this.advanceTo(next);
      this.settle();
    }
    this.now = Math.max(this.now, endMs);
    return !this.idle;
  }

  private advanceTo(timeMs: number): void {
    if (timeMs > this.now) this.stepsThisInstant = 0;
    this.now = timeMs;
    while (this.agenda.peekTime() === timeMs) {
      const timer = this.agenda.pop();
      if (timer === undefined) break;
      const item = timer.payload;
      if (item.kind === 'command' || !item.background) this.foregroundTimers--;
      if (item.kind === 'command') this.inbox.push({ command: item.command });
      else this.wired[item.controller]?.queue.add(item.key);
    }
  }

  /** Runs queued commands and controller keys until both are empty. */
  private settle(): void {
    for (;;) {
      const bound = this.parts.maxStepsPerInstant ?? MAX_STEPS_PER_INSTANT;
      if (++this.stepsThisInstant > bound) {
        throw new LivelockError(`more than ${bound} steps at virtual time ${this.now}ms (seed ${this.seed}): a feedback loop?`);
      }
      const queued = this.takeCommand();
      if (queued !== undefined) {
        this.execute(queued);
        continue;
      }
      this.settleRunningReconcile();
      const index = this.wired.findIndex((wired) => wired.queue.size > 0);
      if (index === -1) return;
      this.reconcile(index);
    }
  }

  private reconcile(index: number): void {
    const wired = this.wired[index] as Wired<S>;
    const key = wired.queue.take() as string;
    let effects: readonly Effect[];
    try {
      effects = wired.controller.reconcile(key, this.contextFor(wired));
    } catch (cause) {
      throw new ControllerError(wired.controller.name, `reconcile of key ${JSON.stringify(key)}`, cause, this.seed);
    }
    this.running = { controller: index, key, refused: false };
    this.apply(index, effects, this.running);
  }

  /** A sync whose requests all passed forgets its key's failures; a refused one comes back later. */
  private settleRunningReconcile(): void {
    const origin = this.running;
    if (origin === undefined) return;
    this.running = undefined;
    const wired = this.wired[origin.controller] as Wired<S>;
    if (!origin.refused) {
      wired.backoff.forget(origin.key);
      return;
    }
    const delayMs = wired.backoff.nextDelayMs(origin.key);
    this.foregroundTimers++;
    this.agenda.schedule(this.now + delayMs, { kind: 'wake', controller: origin.controller, key: origin.key, background: false });
  }

  private takeCommand(): Queued | undefined {
    if (this.inboxHead >= this.inbox.length) {
      if (this.inbox.length > 0) {
        this.inbox.length = 0;
        this.inboxHead = 0;
      }
      return undefined;
    }
    return this.inbox[this.inboxHead++];
  }

  private execute({ command, origin }: Queued): void {
    const rng = this.actorRngs.get(command.actor) ?? this.apiserverRng;
    const bodies = this.parts.admit(command, this.state, { nowMs: this.now, rng });
    for (const body of bodies) {
      if (origin !== undefined && body.type === 'request/rejected') origin.refused = true;
      const event = { rev: ++this.rev, time: this.now, actor: command.actor, ...body } as KsimEvent;
      const before = this.state;
      this.state = this.parts.reduce(before, event);
      this.lastEvent = event;
      this.parts.onEvent?.(event, this.state);
      this.changes.next({ event, before, after: this.state });
      if (this.watchFailure !== undefined) throw this.watchFailure;
    }
  }

  private apply(controllerIndex: number, effects: readonly Effect[], origin?: Origin): void {
    for (const effect of effects) {
      if (effect.kind === 'submit') this.inbox.push(origin === undefined ? { command: effect.command } : { command: effect.command, origin });
      else if (effect.kind === 'fail') {
        if (origin !== undefined) origin.refused = true;
      } else {
        const background = effect.background === true;
        if (!background) this.foregroundTimers++;
        this.agenda.schedule(Math.max(effect.atMs, this.now), {
          kind: 'wake',
          controller: controllerIndex,
          key: effect.key,
          background,
        });
      }
    }
  }

  private contextFor(wired: Wired<S>): ReconcileContext<S> {
    return { state: this.state, nowMs: this.now, rng: wired.rng };
  }
}
