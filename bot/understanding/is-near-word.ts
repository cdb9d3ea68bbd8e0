/**
 * Checks whether `word` equals `target` or is one typo away from it (one insertion, deletion,
 * substitution or swap of neighbours). Words shorter than `minLength` must match exactly,
 * because one edit turns short words into other words ("no" and "so").
 */
export function isNearWord(word: string, target: string, minLength = 5): boolean {
  if (word === target) {
    return true;
  }
  if (target.length < minLength || Math.abs(word.length - target.length) > 1) {
    return false;
  }
  return editDistance(word, target) <= 1;
}

/** Optimal string alignment distance, which counts a swap of neighbours as one edit. */
function editDistance(left: string, right: string): number {
  const rows = left.length + 1;
  const columns = right.length + 1;
  const distances: number[][] = Array.from({ length: rows }, () =>
    new Array<number>(columns).fill(0),
  );
  for (let i = 0; i < rows; i += 1) {
    (distances[i] ?? [])[0] = i;
  }
  for (let j = 0; j < columns; j += 1) {
    (distances[0] ?? [])[j] = j;
  }
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < columns; j += 1) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      const row = distances[i] ?? [];
      const above = distances[i - 1] ?? [];
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      const isSwap = i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1];
      if (isSwap) {
        best = Math.min(best, (distances[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row[j] = best;
    }
  }
  return distances[rows - 1]?.[columns - 1] ?? 0;
}
