// Terminal cell widths, so table columns stay aligned with CJK titles (common on Shoplazza) and emoji.
const wideRanges: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

const zeroWidth = /^(?:\p{Mn}|\p{Me}|\u200b|\u200c|\u200d|\ufe0f)$/u;

export function charWidth(char: string): number {
  if (zeroWidth.test(char)) return 0;
  const code = char.codePointAt(0) ?? 0;
  return wideRanges.some(([low, high]) => code >= low && code <= high) ? 2 : 1;
}

export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

// Control characters and bidi overrides from a store's data must not drive the terminal.
const unsafe = /[\p{Cc}\u202a-\u202e\u2066-\u2069]+/gu;

/** One line of plain text: control characters become a space, runs of white space collapse. */
export function sanitize(text: string): string {
  return text.replace(unsafe, ' ').replace(/\s+/g, ' ').trim();
}

/** Cut to at most `width` cells, ending in `…` when cut, then pad with spaces to exactly `width`. */
export function fitToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (textWidth(text) <= width) return text + ' '.repeat(width - textWidth(text));
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = charWidth(char);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}…${' '.repeat(width - 1 - used)}`;
}
