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
  const met = value === undefined || Number.isNaN(value) ? undefined : op === '<=' ? value <= limit : value >= limit;
  return { name, value, op, limit, target, met, note };
}

/** Looks a variant's median up in a group. */
export function medianOf(group, name) {
  return group.variants.find((variant) => variant.name === name)?.median;
}

export const ratio = (a, b) => (a === undefined || b === undefined ? undefined : a / b);
