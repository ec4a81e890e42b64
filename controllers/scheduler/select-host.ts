// Picks the node with the highest total score. Ties are broken at random with reservoir sampling,
// as upstream's selectHost (pkg/scheduler/schedule_one.go, v1.19 to v1.34) does: the k-th node
// seen with the best score replaces the choice with probability 1/k, so each of the tied nodes is
// equally likely. The draw comes from the scheduler's own seeded stream, and only on a tie.

import type { Rng } from '../../core/prng.ts';

/** The index of the chosen node in `totals`; `totals` must not be empty. */
export function selectHost(totals: readonly number[], rng: Rng): number {
  let selected = 0;
  let best = totals[0] as number;
  let tied = 1;
  for (let index = 1; index < totals.length; index++) {
    const score = totals[index] as number;
    if (score > best) {
      best = score;
      selected = index;
      tied = 1;
    } else if (score === best) {
      tied++;
      if (rng.int(tied) === 0) selected = index;
    }
  }
  return selected;
}
