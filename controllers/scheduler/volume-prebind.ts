// VolumeBinding's Reserve and PreBind for the node a cycle chose (volumebinding.go and
// binder.go's AssumePodVolumes, BindPodVolumes): the static volumes chosen for the pod's waiting
// claims get their claim reference, the claims to provision get the selected node, and the pod
// waits until the PV controller and the provisioner have bound every claim. Undefined when every
// claim is bound already and the pod can be bound to the node at once.

import { type Effect, submit } from '../../core/controller.ts';
import type { Pod } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';
import type { NodeSnapshot } from './node-views.ts';
import { planVolumes, preBindPatches, volumeBindingPreFilter } from './plugins/volume-binding.ts';
import { SCHEDULER_NAME } from './schedule-one.ts';

export function volumePreBind(pod: Pod, claimNames: readonly string[], nodes: NodeSnapshot, nodeName: string, state: ClusterState): Effect[] | undefined {
  const volumes = volumeBindingPreFilter(pod, claimNames, state);
  if ('rejected' in volumes || volumes.claimsToBind.length === 0) return undefined;
  const node = nodes.byName.get(nodeName);
  const plan = node === undefined ? undefined : planVolumes(volumes, node);
  if (plan === undefined) return [];
  return preBindPatches(plan, nodeName).map(({ kind, namespace, name, patch }) =>
    submit({ type: 'patch', actor: SCHEDULER_NAME, kind, ...(namespace === undefined ? {} : { namespace }), name, patch }),
  );
}
