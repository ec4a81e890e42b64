// Upstream's scalability envelope: 5,000 nodes and 150,000 pods (150 ReplicaSets of 1,000), then
// the replay of its log (about 700 MB, past the longest string V8 can hold).
// Targets: every pod Running in under 60 s and 4 GB; replay at least 0.25 of the JSON.parse floor.

import { runClusterCase } from './cluster-pods.ts';

runClusterCase({ label: '150k-pods', nodes: 5000, replicaSets: 150, podsPerSet: 1000, targets: { seconds: 60, rssMb: 4096, replayRatio: 0.25 } });
