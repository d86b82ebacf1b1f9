/** "a, b,,c " → ['a', 'b', 'c']. Written as a loop: it runs once per collection. */
export function splitKeywords(value: unknown): string[] {
  const keywords: string[] = [];
  if (typeof value !== 'string' || value.length === 0) return keywords;
  let start = 0;
  for (;;) {
    const comma = value.indexOf(',', start);
    const end = comma === -1 ? value.length : comma;
    const keyword = value.slice(start, end).trim();
    if (keyword.length > 0) keywords.push(keyword);
    if (comma === -1) return keywords;
    start = comma + 1;
  }
}
