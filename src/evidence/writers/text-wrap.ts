/** Chinese punctuation and closing brackets never start a line; opening brackets never end one. */
const NO_BREAK_BEFORE = new Set([...'，。、；：！？）》」』】〕”’…—·%,.;:!?)]}']);
const NO_BREAK_AFTER = new Set([...'（《「『【〔“‘([{']);

function isWide(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (
    (code >= 0x2e80 && code <= 0x9fff) || // CJK radicals, punctuation, kana, ideographs
    (code >= 0xac00 && code <= 0xd7af) || // Hangul
    (code >= 0xf900 && code <= 0xfaff) || // CJK compatibility ideographs
    (code >= 0xfe30 && code <= 0xfe4f) || // CJK compatibility forms
    (code >= 0xff00 && code <= 0xffef) || // full-width forms
    code >= 0x20000 // supplementary ideographs
  );
}

/** Whether a line may break between two characters: after a space, or next to a Chinese character. */
function canBreak(before: string, after: string): boolean {
  if (before === ' ') return true;
  if (NO_BREAK_BEFORE.has(after) || NO_BREAK_AFTER.has(before)) return false;
  return isWide(before) || isWide(after);
}

/** Tabs become spaces and other control characters go: a PDF cell cannot show them. */
export function printable(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''); // eslint-disable-line no-control-regex
}

function wrapParagraph(text: string, width: number, measure: (char: string) => number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let lineWidth = 0;
  const sum = (chars: readonly string[]) => chars.reduce((total, char) => total + measure(char), 0);
  for (const char of text) {
    const charWidth = measure(char);
    if (line.length > 0 && lineWidth + charWidth > width) {
      if (char === ' ') {
        lines.push(line.join('').trimEnd());
        line = [];
        lineWidth = 0;
        continue;
      }
      let cut = line.length;
      while (cut > 0 && !canBreak(line[cut - 1]!, cut === line.length ? char : line[cut]!)) cut -= 1;
      // No place to break (a long number or word): break it where the width runs out.
      if (cut === 0) cut = line.length;
      lines.push(line.slice(0, cut).join('').trimEnd());
      line = line.slice(cut);
      while (line[0] === ' ') line.shift();
      lineWidth = sum(line);
      if (line.length > 0 && lineWidth + charWidth > width) {
        lines.push(line.join(''));
        line = [];
        lineWidth = 0;
      }
    }
    line.push(char);
    lineWidth += charWidth;
  }
  lines.push(line.join('').trimEnd());
  return lines;
}

/**
 * Breaks text into lines no wider than `width` (as `measure` sizes each character): at spaces, or
 * between Chinese characters (not before their closing punctuation); a word longer than a line is
 * cut. Line breaks in the text are kept. A single character wider than the line has a line to itself.
 */
export function wrapText(text: string, width: number, measure: (char: string) => number): string[] {
  return printable(text)
    .split('\n')
    .flatMap((paragraph) => wrapParagraph(paragraph, width, measure));
}
