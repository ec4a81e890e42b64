// A cluster with the API server and the controllers a test chooses: commands in, events and state
// out, run through the real engine so controllers see every change as they do in a run.

import { apiServer } from '../../apiserver/admit.ts';
import type { Command } from '../../core/commands.ts';
import type { Controller } from '../../core/controller.ts';
import { Engine } from '../../core/engine.ts';
import type { KsimEvent } from '../../core/events.ts';
import { initialState, reduce } from '../../reducers/index.ts';
import { createDefaultServiceAccount } from '../../controllers/serviceaccount/index.ts';
import { OWN_ADMISSION_STREAMS } from '../../scenarios/control-plane.ts';
import type { ClusterState } from '../../reducers/state.ts';

export class ClusterHarness {
  readonly events: KsimEvent[] = [];
  private readonly engine: Engine<ClusterState>;

  constructor(controllers: readonly Controller<ClusterState>[], seed = 1) {
    this.engine = new Engine(
      { initialState: initialState(), admit: apiServer(), reduce, controllers, onEvent: (event) => this.events.push(event), ownAdmissionStreams: OWN_ADMISSION_STREAMS },
      seed,
    );
    for (const name of ['default', 'kube-system']) {
      this.engine.schedule(0, { type: 'create', actor: 'kube-apiserver', manifest: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } });
      // As in a run, the namespaces come with their `default` service account, which pods need.
      this.engine.schedule(0, createDefaultServiceAccount(name));
    }
    this.engine.runUntil(0);
  }

  get state(): ClusterState {
    return this.engine.currentState;
  }

  get nowMs(): number {
    return this.engine.nowMs;
  }

  /** Queues the command at the given virtual time (now by default) and runs until then. */
  run(command: Command, atMs = this.engine.nowMs): KsimEvent[] {
    const before = this.events.length;
    this.engine.schedule(atMs, command);
    this.engine.runUntil(atMs);
    return this.events.slice(before);
  }

  apply(manifest: unknown, atMs?: number): KsimEvent[] {
    return this.run({ type: 'apply', actor: 'user', manifest }, atMs);
  }

  /** Lets virtual time pass, running whatever falls due. */
  advance(ms: number): KsimEvent[] {
    const before = this.events.length;
    this.engine.runUntil(this.engine.nowMs + ms);
    return this.events.slice(before);
  }

  /** The event types since an index, "type Kind/name" for generic events. */
  typesSince(index: number): string[] {
    return this.events.slice(index).map((event) => {
      if ('object' in event) return `${event.type} ${event.object.metadata.name}`;
      return 'name' in event ? `${event.type} ${event.name}` : event.type;
    });
  }
}
