/**
 * Built-in number formats that show dates (ECMA-376 Part 1, §18.8.30): 14–17 dates, 18–21 times,
 * 22 date and time, 45–47 minutes and seconds. A time-only value (below one day) gets no date.
 */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * Whether a number format shows a calendar date: a built-in date format (14–22, 45–47) or a custom
 * format code with a day, month or year token (`d`, `m`, `y`) outside quoted text, `[…]` sections
 * (colours, locales, elapsed time), `\`-escaped characters and `_`/`*` padding. An `m` next to an
 * hour or a second (`h:mm`, `mm:ss`) is minutes; `AM/PM` and `A/P` are not tokens.
 *
 * @param numFmtId - The format's id.
 * @param code - The custom format code, for ids 164 and up (or built-ins a file redefines).
 * @internal
 */
export function isDateFormat(numFmtId: number, code: string | undefined): boolean {
  if (code === undefined) return BUILT_IN_DATE_FORMATS.has(numFmtId);
  return isDateFormatCode(code);
}

/**
 * Whether a custom number format code shows a date; see {@link isDateFormat}.
 *
 * @internal
 */
export function isDateFormatCode(code: string): boolean {
  const tokens: number[] = [];
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 34 /* " */) {
      const close = code.indexOf('"', i + 1);
      i = close < 0 ? code.length : close;
    } else if (c === 91 /* [ */) {
      const close = code.indexOf(']', i + 1);
      i = close < 0 ? code.length : close;
    } else if (c === 92 /* \ */ || c === 95 /* _ */ || c === 42 /* * */) {
      i++;
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      const upper = code.slice(i, i + 5).toUpperCase();
      if (upper === 'AM/PM') i += 4;
      else if (upper.startsWith('A/P')) i += 2;
      else tokens.push(c | 0x20);
    } else if (c === 59 /* ; */) {
      tokens.push(59);
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === 100 /* d */ || t === 121 /* y */) return true;
    if (t === 109 /* m */) {
      let before = i - 1;
      while (before >= 0 && tokens[before] === 109) before--;
      let after = i + 1;
      while (after < tokens.length && tokens[after] === 109) after++;
      const minutes = tokens[before] === 104 /* h */ || tokens[after] === 115; /* s */
      if (!minutes) return true;
      i = after - 1;
    }
  }
  return false;
}
