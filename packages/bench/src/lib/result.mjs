// Shapes shared by every benchmark's result, and the target check.

/**
 * A ratio (or figure) compared with its target.
 * @param {string} name what is compared, e.g. 'facade listPage / openapi-fetch (sequential)'
 * @param {number | undefined} value
 * @param {'<=' | '>='} op
 * @param {number} limit
 * @param {string} target human-readable target, e.g. '≤ 1.03×'
 */
export function check(name, value, op, limit, target, note) {
  const met =
    value === undefined || Number.isNaN(value)
      ? undefined
      : { '<=': value <= limit, '<': value < limit, '>=': value >= limit }[op];
  return { name, value, op, limit, target, met, note };
}

/** Looks a variant's median up in a group. */
export function medianOf(group, name) {
  return group.variants.find((variant) => variant.name === name)?.median;
}

export const ratio = (a, b) => (a === undefined || b === undefined ? undefined : a / b);

/**
 * The median over rounds of a[i] / b[i]: both figures of a round were measured minutes apart at most, one right
 * after the other (interleaved), so background load that varies between rounds largely cancels.
 */
export function roundRatio(group, a, b) {
  const x = group.variants.find((variant) => variant.name === a)?.rounds;
  const y = group.variants.find((variant) => variant.name === b)?.rounds;
  if (!x || !y) return undefined;
  const ratios = x.map((value, i) => value / y[i]).sort((p, q) => p - q);
  const mid = ratios.length >> 1;
  return ratios.length % 2 ? ratios[mid] : (ratios[mid - 1] + ratios[mid]) / 2;
}
