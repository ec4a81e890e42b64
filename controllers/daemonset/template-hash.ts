// The hash in a DaemonSet pod's controller-revision-hash label and its ControllerRevision's name:
// controller.ComputeHash, shared with the Deployment controller (controllers/common/hash.ts).

export { computeHash } from '../common/hash.ts';
