// The configuration kinds of core/v1 as ksim reads them: ConfigMaps and Secrets (which the kubelet
// hands to containers) and ServiceAccounts. Secret data is base64 text, as in the API's JSON.

import type { KubeObject } from './objects.ts';

export interface ConfigMap extends KubeObject {
  readonly kind: 'ConfigMap';
  readonly immutable?: boolean;
  readonly data?: Readonly<Record<string, string>>;
  readonly binaryData?: Readonly<Record<string, string>>;
}

export interface Secret extends KubeObject {
  readonly kind: 'Secret';
  readonly immutable?: boolean;
  readonly type?: string;
  /** Values are base64. */
  readonly data?: Readonly<Record<string, string>>;
  /** Write-only: merged into data when the Secret is stored. */
  readonly stringData?: Readonly<Record<string, string>>;
}

export interface ServiceAccount extends KubeObject {
  readonly kind: 'ServiceAccount';
  readonly secrets?: readonly { readonly name?: string }[];
  readonly imagePullSecrets?: readonly { readonly name?: string }[];
  readonly automountServiceAccountToken?: boolean;
}
