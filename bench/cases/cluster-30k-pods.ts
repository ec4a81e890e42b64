// 1,000 nodes and 30 ReplicaSets of 1,000 pods, then the replay of its log.
// Targets: every pod Running in under 20 s and 2 GB; replay at least 0.25 of the JSON.parse floor.

import { runClusterCase } from './cluster-pods.ts';

runClusterCase({ label: '30k-pods', nodes: 1000, replicaSets: 30, podsPerSet: 1000, targets: { seconds: 20, rssMb: 2048, replayRatio: 0.25 } });
