// Score normalisation as upstream's helper.DefaultNormalizeScore
// (pkg/scheduler/framework/plugins/helper/normalize_score.go): scale so the highest score becomes
// MAX_NODE_SCORE with integer division, or the reverse for plugins where fewer is better. When
// every score is zero they stay zero, or all become MAX_NODE_SCORE in reverse.

export const MAX_NODE_SCORE = 100;

export function highestScore(scores: readonly number[]): number {
  let highest = 0;
  for (const score of scores) if (score > highest) highest = score;
  return highest;
}

/** One score normalised against the highest score of the cycle. */
export function normalizeScore(score: number, highest: number, reverse: boolean): number {
  if (highest === 0) return reverse ? MAX_NODE_SCORE : score;
  const scaled = Math.floor((MAX_NODE_SCORE * score) / highest);
  return reverse ? MAX_NODE_SCORE - scaled : scaled;
}

export function defaultNormalizeScore(scores: readonly number[], reverse: boolean): number[] {
  const highest = highestScore(scores);
  return scores.map((score) => normalizeScore(score, highest, reverse));
}
