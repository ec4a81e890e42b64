// One run: (scenario, seed) in, the log and the final state out. The API server creates the
// standard namespaces and the system priority classes, and each kubelet registers its node at
// time zero, then the steps follow.

import type { Command } from '../core/commands.ts';
import { Engine } from '../core/engine.ts';
import type { KsimEvent } from '../core/events.ts';
import { apiServer } from '../apiserver/admit.ts';
import { initialState, reduce } from '../reducers/index.ts';
import type { ClusterState } from '../reducers/state.ts';
import type { Scenario } from './codecs.ts';
import { controlPlane, OWN_ADMISSION_STREAMS } from './control-plane.ts';
import type { ProvisionerOptions } from '../controllers/volume-provisioner/index.ts';
import { createDefaultServiceAccount } from '../controllers/serviceaccount/index.ts';
import { checkExpectation, describeExpectation, type ExpectationResult } from './expectations.ts';
import { imageCatalog } from './images.ts';
import { MAX_NODES, nodeCount, nodeManifests } from './nodes.ts';
import { SYSTEM_PRIORITY_CLASSES } from '../kinds/validation/priority-class.ts';
import { compileSteps } from './steps.ts';
import { serviceNetworkOf } from './cluster-settings.ts';
import { TrafficTally } from './traffic-totals.ts';

export const DEFAULT_SEED = 1;

function storageOptions(scenario: Scenario): ProvisionerOptions {
  const provisioningTimeMs = scenario.storage?.provisioningTime;
  return provisioningTimeMs === undefined ? {} : { provisioningTimeMs };
}

/**
 * How far a scenario without `until` may run before it is stopped. Most such runs go idle long
 * before; one that never does (a pod in CrashLoopBackOff keeps the kubelet's timers going, as it
 * would for ever on a real node) stops here instead of hanging.
 */
export const IDLE_HORIZON_MS = 24 * 3_600_000;

/** The namespaces kube-apiserver creates when it starts. */
const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

export interface SimulationOptions {
  readonly seed?: number;
  readonly untilMs?: number;
  /** Every appended event, as it happens (the log writer, the live story). */
  readonly onEvent?: (event: KsimEvent, state: ClusterState) => void;
  /** Also called with each expectation as it is checked. */
  readonly onExpectation?: (result: ExpectationResult) => void;
  /** Keep every event in the result (default true); a long benchmark may turn it off. */
  readonly keepEvents?: boolean;
  /** Refuse unknown manifest fields (fieldValidation=Strict); the scenario's `strict` unless given. */
  readonly strict?: boolean;
}

/** An expectation after the end of a run cut short by --until: reported, neither passed nor failed. */
export interface UnreachedExpectation {
  readonly atMs: number;
  readonly description: string;
  /** "steps[5].expect[0]" */
  readonly place: string;
}

/** What became of the requests the scenario made (its steps, and the registration of its nodes). */
export interface RequestCounts {
  readonly rejected: number;
  readonly warnings: number;
}

export interface SimulationResult {
  readonly seed: number;
  readonly endMs: number;
  readonly events: readonly KsimEvent[];
  readonly state: ClusterState;
  readonly expectations: readonly ExpectationResult[];
  /** Expectations due after a shorter --until than the scenario's own end; none otherwise. */
  readonly unreached: readonly UnreachedExpectation[];
  /** True when a run without `until` was stopped at IDLE_HORIZON_MS rather than going idle. */
  readonly stoppedAtHorizon: boolean;
  readonly requests: RequestCounts;
  /** Whether the run was strict (the option, or the scenario's `strict`). */
  readonly strict: boolean;
}

export class ScenarioError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(errors.join('\n'));
  }
}

function bootstrapCommands(scenario: Scenario): Command[] {
  const namespaces: Command[] = SYSTEM_NAMESPACES.map((name) => ({
    type: 'create',
    actor: 'kube-apiserver',
    manifest: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
  }));
  // The cluster has run before the scenario starts: the ServiceAccount controller has given each
  // standard namespace its `default` account, so the scenario's first pods are admitted.
  const serviceAccounts = SYSTEM_NAMESPACES.map(createDefaultServiceAccount);
  const priorityClasses: Command[] = SYSTEM_PRIORITY_CLASSES.map(({ name, value, description }) => ({
    type: 'create',
    actor: 'kube-apiserver',
    manifest: { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, description },
  }));
  const nodes: Command[] = nodeManifests(scenario.nodes ?? []).map(({ name, manifest }) => ({ type: 'create', actor: `kubelet/${name}`, manifest }));
  return [...namespaces, ...serviceAccounts, ...priorityClasses, ...nodes];
}

/**
 * A request of the scenario itself: a step's (the user's), or the API server creating a standard
 * namespace, or a kubelet registering the node the scenario declares. Controllers' refusals (a
 * Conflict settled by the next sync) are part of how a cluster works and are not counted.
 */
function isScenarioRequest(event: Extract<KsimEvent, { type: 'request/rejected' | 'request/warned' }>): boolean {
  if (event.actor === 'user') return true;
  if (event.request.verb !== 'create') return false;
  return event.actor === 'kube-apiserver' || event.actor === `kubelet/${event.request.name ?? ''}`;
}

export function simulate(scenario: Scenario, options: SimulationOptions = {}, label = scenario.name): SimulationResult {
  const givenUntilMs = options.untilMs ?? scenario.until;
  const untilMs = givenUntilMs ?? IDLE_HORIZON_MS;
  const strict = options.strict ?? scenario.strict ?? false;
  // An expectation after the scenario's own end can never be checked: an error. One after a shorter
  // --until is only cut off by this run, and is reported as not reached.
  const scenarioEndMs = Math.max(scenario.until ?? IDLE_HORIZON_MS, options.untilMs ?? 0);
  const compiled = compileSteps(scenario.steps ?? [], label, { strict, untilMs: scenarioEndMs });
  const nodes = nodeCount(scenario.nodes ?? []);
  const errors = nodes > MAX_NODES ? [...compiled.errors, `${label}: nodes: ${nodes} nodes, more than the ${MAX_NODES} pod ranges (/24) of the cluster CIDR`] : compiled.errors;
  if (errors.length > 0) throw new ScenarioError(errors);
  const seed = options.seed ?? scenario.seed ?? DEFAULT_SEED;
  const events: KsimEvent[] = [];
  const keep = options.keepEvents ?? true;
  const requests = { rejected: 0, warnings: 0 };
  const traffic = new TrafficTally();
  const engine = new Engine(
    {
      initialState: initialState(),
      admit: apiServer(serviceNetworkOf(scenario.cluster)),
      reduce,
      controllers: controlPlane(imageCatalog(scenario.images ?? {}), {
        storage: storageOptions(scenario),
        loadBalancerIPs: scenario.cluster?.loadBalancerIPs ?? [],
        traffic: compiled.traffic,
        ...(scenario.ingressController === undefined ? {} : { ingressAddress: scenario.ingressController.address }),
      }),
      ownAdmissionStreams: OWN_ADMISSION_STREAMS,
      onEvent: (event, state) => {
        if (keep) events.push(event);
        if (event.type === 'traffic/served') traffic.observe(event);
        if (event.type === 'request/rejected' && isScenarioRequest(event)) requests.rejected++;
        if (event.type === 'request/warned' && isScenarioRequest(event)) requests.warnings += event.warnings.length;
        options.onEvent?.(event, state);
      },
    },
    seed,
  );
  for (const command of bootstrapCommands(scenario)) engine.schedule(0, command);
  for (const { atMs, command } of compiled.commands) engine.schedule(atMs, command);
  const expectations: ExpectationResult[] = [];
  const ordered = [...compiled.expectations].sort((a, b) => a.atMs - b.atMs);
  const checks = ordered.filter(({ atMs }) => atMs <= untilMs);
  const unreached = ordered.filter(({ atMs }) => atMs > untilMs).map(({ atMs, expectation, place }) => ({ atMs, description: describeExpectation(expectation), place }));
  for (const { atMs, expectation } of checks) {
    engine.runUntil(atMs);
    const result = checkExpectation(engine.currentState, expectation, atMs, (flow) => traffic.totals(flow));
    expectations.push(result);
    options.onExpectation?.(result);
  }
  const busy = engine.runUntil(untilMs, givenUntilMs === undefined);
  const stoppedAtHorizon = givenUntilMs === undefined && busy;
  return { seed, endMs: engine.nowMs, events, state: engine.currentState, expectations, unreached, stoppedAtHorizon, requests: { ...requests }, strict };
}
