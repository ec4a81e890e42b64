// The Volumes section of `kubectl describe` (describe.go describeVolumes) for the volume types
// scenarios use; any other type prints "<unknown>", as upstream does for a type it does not know.

import type { DescribeWriter } from './describe-writer.ts';

type Source = Readonly<Record<string, unknown>>;

function sourceLines(volume: Source): string[] | undefined {
  const field = (name: string): Source | undefined => volume[name] as Source | undefined;
  const emptyDir = field('emptyDir');
  if (emptyDir !== undefined) {
    const sizeLimit = emptyDir.sizeLimit === undefined ? '<unset>' : String(emptyDir.sizeLimit);
    return [
      "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)",
      `Medium:\t${emptyDir.medium ?? ''}`,
      `SizeLimit:\t${sizeLimit}`,
    ];
  }
  const configMap = field('configMap');
  if (configMap !== undefined) {
    return [
      'Type:\tConfigMap (a volume populated by a ConfigMap)',
      `Name:\t${configMap.name ?? ''}`,
      `Optional:\t${configMap.optional === true}`,
    ];
  }
  const secret = field('secret');
  if (secret !== undefined) {
    return [
      'Type:\tSecret (a volume populated by a Secret)',
      `SecretName:\t${secret.secretName ?? ''}`,
      `Optional:\t${secret.optional === true}`,
    ];
  }
  const claim = field('persistentVolumeClaim');
  if (claim !== undefined) {
    return [
      'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
      `ClaimName:\t${claim.claimName ?? ''}`,
      `ReadOnly:\t${claim.readOnly === true}`,
    ];
  }
  const hostPath = field('hostPath');
  if (hostPath !== undefined) {
    return [
      'Type:\tHostPath (bare host directory volume)',
      `Path:\t${hostPath.path ?? ''}`,
      `HostPathType:\t${hostPath.type ?? '<none>'}`,
    ];
  }
  return undefined;
}

export function describeVolumes(w: DescribeWriter, volumes: unknown, space: string): void {
  const list = Array.isArray(volumes) ? (volumes as Source[]) : [];
  if (list.length === 0) {
    w.line(0, `${space}Volumes:\t<none>`);
    return;
  }
  w.line(0, `${space}Volumes:`);
  for (const volume of list) {
    w.line(1, `${space === '' ? '' : ' '}${String(volume.name ?? '')}:`);
    const lines = sourceLines(volume);
    if (lines === undefined) w.line(1, '<unknown>');
    else for (const line of lines) w.line(2, line);
  }
}
