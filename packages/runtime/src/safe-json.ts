// Keys that could reach Object.prototype through a later merge or assignment. A JSON key can spell them with
// \u escapes ("\u005f_proto__"), so any escape also takes the careful path.
const RISKY = /__proto__|constructor|prototype|\\u/;

const RISKY_KEY = /^(?:__proto__|constructor|prototype)$/;
const dropRiskyKeys = (key: string, value: unknown): unknown => (RISKY_KEY.test(key) ? undefined : value);

/** JSON.parse without `__proto__`, `constructor` or `prototype` keys (the slow reviver only when needed). */
export function parseJsonSafely(text: string): unknown {
  return RISKY.test(text) ? JSON.parse(text, dropRiskyKeys) : JSON.parse(text);
}
