// The measuring discipline of performance-method.md: warm every variant up, then rounds in which every variant
// runs once, in an order shuffled each round; the median of the rounds is the figure.
// Shuffled, not rotated: a rotation keeps every variant's neighbours, so work one variant leaves behind (garbage,
// FinalizationRegistry callbacks: undici registers one per Request with a signal) always lands on the same next
// variant; a shuffle spreads it over all of them. (B2 and B3 also give each variant its own heap.)

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * @template V
 * @param {{ name: string }[] & V[]} variants
 * @param {{ rounds: number, warmup?: number, sample: (variant: V) => Promise<number> }} options
 * @returns {Promise<Map<string, number[]>>} every round's figure per variant name
 */
export async function interleave(variants, { rounds, warmup = 1, sample }) {
  for (let w = 0; w < warmup; w++) for (const variant of variants) await sample(variant);
  const figures = new Map(variants.map((variant) => [variant.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = shuffled(variants);
    for (const variant of order) figures.get(variant.name).push(await sample(variant));
  }
  return figures;
}

/** A copy of `list` in random order (Fisher–Yates). */
function shuffled(list) {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Runs `call` `count` times, `concurrency` at a time; returns elapsed milliseconds. */
export async function timeCalls(call, count, concurrency = 1) {
  return (await timeCallsCpu(call, count, concurrency)).wallMs;
}

/**
 * Like timeCalls, and also this process's CPU time (user + system) over the same span: on a shared machine the
 * wall time includes whatever else runs, the CPU time only what this process did (the server is another process).
 */
export async function timeCallsCpu(call, count, concurrency = 1) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  if (concurrency === 1) {
    for (let i = 0; i < count; i++) await call();
  } else {
    let next = 0;
    const worker = async () => {
      while (next < count) {
        next++;
        await call();
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** Variant rows for a result: name → { rounds, median } with an optional note. */
export function rows(figures, notes = {}) {
  return [...figures].map(([name, rounds]) => ({ name, rounds, median: median(rounds), note: notes[name] }));
}

export const round = (value, digits = 2) => Number(value.toFixed(digits));
