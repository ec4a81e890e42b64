// The version of this ksim, from package.json, which a log's header records so that a reader can
// tell which release wrote it (and `ksim verify` can say why two releases' bytes may differ).

import { readFileSync } from 'node:fs';

function packageVersion(): string {
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  const version = (JSON.parse(text) as { version?: unknown }).version;
  return typeof version === 'string' ? version : '0.0.0';
}

export const KSIM_VERSION = packageVersion();
