import { performance } from 'node:perf_hooks';
import { simulate } from '../scenarios/simulate.ts';
const NODES = Number(process.env.N ?? 1000), RS = Number(process.env.R ?? 10);
const rs = (i: number) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `app-${i}` }, spec: { replicas: 1000, selector: { matchLabels: { app: `app-${i}` } }, template: { metadata: { labels: { app: `app-${i}` } }, spec: { containers: [{ name: 'app', image: 'app:1.0', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] } } } });
const t0 = performance.now();
const r = simulate({ name: 'x', nodes: [{ namePrefix: 'node-', count: NODES, capacity: { cpu: '4', memory: '16Gi' } }], images: { default: { pull: 1000, start: 1000, ready: 1000 } }, steps: [{ atMs: 0, action: 'apply', value: Array.from({ length: RS }, (_, i) => rs(i + 1)) }] } as never, { keepEvents: false });
console.log('total', ((performance.now() - t0) / 1000).toFixed(2), 's', r.state.rev, 'events');
