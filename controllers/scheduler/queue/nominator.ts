// The pods nominated to a node by preemption and not placed yet (upstream's nominator in
// pkg/scheduler/backend/queue/nominator.go): a pod whose status.nominatedNodeName is set while it
// waits. Cycles of pods of lower or equal priority count them on that node, so the room preemption
// made is kept for the pod it was made for.

export class Nominator {
  private readonly nodeOf = new Map<string, string>();
  private readonly podsOn = new Map<string, Set<string>>();

  get size(): number {
    return this.nodeOf.size;
  }

  nodeOfPod(key: string): string | undefined {
    return this.nodeOf.get(key);
  }

  /** Sets the pod's nominated node, or forgets it when the node is empty or absent. */
  set(key: string, nodeName: string | undefined): void {
    const current = this.nodeOf.get(key);
    if (current === nodeName || (current === undefined && !nodeName)) return;
    if (current !== undefined) {
      const pods = this.podsOn.get(current);
      pods?.delete(key);
      if (pods?.size === 0) this.podsOn.delete(current);
      this.nodeOf.delete(key);
    }
    if (!nodeName) return;
    this.nodeOf.set(key, nodeName);
    let pods = this.podsOn.get(nodeName);
    if (pods === undefined) {
      pods = new Set();
      this.podsOn.set(nodeName, pods);
    }
    pods.add(key);
  }

  /** The pods nominated to the node, in the order they were nominated. */
  podsOnNode(nodeName: string): readonly string[] {
    const pods = this.podsOn.get(nodeName);
    return pods === undefined ? [] : [...pods];
  }
}
