// LimitRanges (core/v1): defaulted (a Container item's default limit from its max, default request
// from the default limit or the min) and validated as the API server does; the LimitRanger
// admission plugin applies them to the pods and claims created after them
// (kinds/limits/limit-ranger.ts).

import type { KindDefinition } from '../definition.ts';
import { describeLimitRange } from '../describe/limit-range.ts';
import { defaultLimitRange, type LimitRange, validateLimitRange } from '../limits/limit-range.ts';
import { limitRangeHeaders, limitRangeRow } from '../printers/quota.ts';
import { LIMIT_RANGE_FIELDS } from '../schema/config.ts';

function prepare(given: LimitRange) {
  const limitRange = defaultLimitRange(given);
  const errors = validateLimitRange(limitRange);
  return errors.length > 0 ? { errors } : { object: limitRange };
}

export const LIMIT_RANGE: KindDefinition<LimitRange> = {
  kind: 'LimitRange',
  group: '',
  version: 'v1',
  plural: 'limitranges',
  shortNames: ['limits'],
  namespaced: true,
  fields: LIMIT_RANGE_FIELDS,
  generation: false,
  statusSubresource: false,
  scale: false,
  defaultPropagation: 'Background',
  prepareForCreate: prepare,
  prepareForUpdate: prepare,
  printer: { headers: limitRangeHeaders, row: (limitRange) => limitRangeRow(limitRange) },
  describe: (w, limitRange) => describeLimitRange(w, limitRange),
};
