// A scheduler wired as the engine wires it, for tests: every change goes through its watch (which
// feeds the scheduling queue), and its requests are folded back in as the API server would accept
// them. A victim's deletion removes the pod at once, as if its kubelet had stopped it already, or,
// with gracefulDeletes, only marks it (the test removes it with a pod/deleted of its own).

import { Subject } from 'rxjs';
import { FLUSH_KEY, SCHEDULE_KEY, scheduler, type SchedulerOptions } from '../../../controllers/scheduler/index.ts';
import type { Command } from '../../../core/commands.ts';
import type { Change, Controller, Effect } from '../../../core/controller.ts';
import type { EventBody } from '../../../core/events.ts';
import type { Rng } from '../../../core/prng.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { commandsOf } from '../../support/effects.ts';
import { change } from '../../support/reduce-events.ts';
import { testRng } from './builders.ts';

export class SchedulerHarness {
  readonly controller: Controller<ClusterState>;
  private readonly changes = new Subject<Change<ClusterState>>();
  private readonly keys: string[] = [];
  private readonly rng: Rng;
  /** The harness's random stream, for a direct reconcile. */
  get rngForTests(): Rng {
    return this.rng;
  }
  /** Every request the scheduler made, in order. */
  readonly commands: Command[] = [];
  /** Every timer it asked for. */
  readonly timers: Effect[] = [];

  constructor(
    public state: ClusterState,
    private readonly options: SchedulerOptions & { readonly seed?: number; readonly nowMs?: number; readonly gracefulDeletes?: boolean } = {},
  ) {
    this.controller = scheduler(options);
    this.rng = testRng(options.seed ?? 1);
    this.controller.watch(this.changes).subscribe((key) => this.keys.push(key));
    this.state = { ...state, timeMs: options.nowMs ?? state.timeMs };
    this.note(this.controller.start?.({ state: this.state, nowMs: this.state.timeMs, rng: this.rng }) ?? []);
  }

  get nowMs(): number {
    return this.state.timeMs;
  }

  /** Appends an event at the current time and lets the scheduler see it. */
  emit(body: EventBody, actor = 'test'): void {
    const next = change(this.state, body, this.nowMs, actor);
    this.state = next.after;
    this.changes.next(next);
  }

  /** Moves the virtual clock (no event). */
  advanceTo(nowMs: number): void {
    this.state = { ...this.state, timeMs: nowMs };
  }

  /** Runs one reconcile of the key and folds its requests in; returns its effects. */
  reconcile(key = SCHEDULE_KEY): readonly Effect[] {
    const effects = this.controller.reconcile(key, { state: this.state, nowMs: this.nowMs, rng: this.rng });
    this.note(effects);
    for (const command of commandsOf(effects)) this.accept(command);
    return effects;
  }

  /** Reconciles until the scheduler asks for nothing more at this instant; returns the requests made. */
  run(): Command[] {
    const before = this.commands.length;
    for (let round = 0; round < 1_000_000; round++) {
      const wanted = this.keys.includes(SCHEDULE_KEY);
      this.keys.length = 0;
      if (!wanted) return this.commands.slice(before);
      this.reconcile(SCHEDULE_KEY);
    }
    throw new Error('the scheduler never settled');
  }

  /** Fires the flush timer at the given time, then runs whatever it queued. */
  flushAt(nowMs: number): Command[] {
    this.advanceTo(nowMs);
    const before = this.commands.length;
    this.reconcile(FLUSH_KEY);
    this.run();
    return this.commands.slice(before);
  }

  private note(effects: readonly Effect[]): void {
    for (const effect of effects) {
      if (effect.kind === 'wake') this.timers.push(effect);
      if (effect.kind === 'wake' && effect.key === SCHEDULE_KEY) this.keys.push(SCHEDULE_KEY);
    }
  }

  private accept(command: Command): void {
    this.commands.push(command);
    const actor = command.actor;
    switch (command.type) {
      case 'bindPod':
        return this.emit({ type: 'pod/bound', namespace: command.namespace, name: command.name, nodeName: command.nodeName }, actor);
      case 'reportSchedulingFailure': {
        const { namespace, name, reason, message, nominatedNodeName } = command;
        return this.emit({ type: 'pod/schedulingFailed', namespace, name, reason, message, ...(nominatedNodeName === undefined ? {} : { nominatedNodeName }) }, actor);
      }
      case 'updatePodStatus':
        return this.emit({ type: 'pod/statusUpdated', namespace: command.namespace, name: command.name, status: command.status }, actor);
      case 'delete': {
        const target = { namespace: command.namespace ?? 'default', name: command.name };
        if (this.options.gracefulDeletes === true) return this.emit({ type: 'pod/deletionRequested', ...target, gracePeriodSeconds: 30 }, actor);
        return this.emit({ type: 'pod/deleted', ...target }, actor);
      }
      default:
        throw new Error(`unexpected ${command.type}`);
    }
  }
}
