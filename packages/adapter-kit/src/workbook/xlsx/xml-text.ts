/**
 * A syntax error in an XML part (malformed markup, an unknown entity, a truncated document). The
 * readers turn it into an `AdapterError` `'corrupt-file'`.
 *
 * @internal
 */
export class XmlSyntaxError extends Error {
  /** Always `'XmlSyntaxError'`. */
  override readonly name = 'XmlSyntaxError';
}

/**
 * XML text with its entity and character references replaced (`&amp; &lt; &gt; &quot; &apos;`,
 * `&#…;`, `&#x…;`). The text must hold whole references.
 *
 * @throws XmlSyntaxError on an unknown entity, a malformed reference or a character XML forbids.
 * @internal
 */
export function decodeEntities(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = text.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12)
      throw new XmlSyntaxError('A "&" in XML text starts no entity.');
    out += text.slice(from, amp);
    const c1 = text.charCodeAt(amp + 1);
    if (c1 === 35 /* # */) {
      const hex = text.charCodeAt(amp + 2) === 120; /* x */
      const digits = text.slice(amp + (hex ? 3 : 2), semi);
      const valid = hex ? /^[0-9a-fA-F]{1,6}$/.test(digits) : /^[0-9]{1,7}$/.test(digits);
      const code = valid ? Number.parseInt(digits, hex ? 16 : 10) : -1;
      if (
        code < 0 ||
        code > 0x10ffff ||
        (code < 0x20 && code !== 9 && code !== 10 && code !== 13) ||
        (code >= 0xd800 && code <= 0xdfff) ||
        code === 0xfffe ||
        code === 0xffff
      ) {
        throw new XmlSyntaxError('An XML character reference names no allowed character.');
      }
      out += String.fromCodePoint(code);
    } else {
      switch (text.slice(amp + 1, semi)) {
        case 'amp':
          out += '&';
          break;
        case 'lt':
          out += '<';
          break;
        case 'gt':
          out += '>';
          break;
        case 'quot':
          out += '"';
          break;
        case 'apos':
          out += "'";
          break;
        default:
          throw new XmlSyntaxError('XML text uses an entity that is not predefined.');
      }
    }
    from = semi + 1;
    amp = text.indexOf('&', from);
  }
  return out + text.slice(from);
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Whether `text` has an OOXML escape `_xHHHH_` at `at`. */
function escapeAt(text: string, at: number): boolean {
  return (
    text.charCodeAt(at) === 95 &&
    text.charCodeAt(at + 1) === 120 &&
    isHex(text.charCodeAt(at + 2)) &&
    isHex(text.charCodeAt(at + 3)) &&
    isHex(text.charCodeAt(at + 4)) &&
    isHex(text.charCodeAt(at + 5)) &&
    text.charCodeAt(at + 6) === 95
  );
}

/**
 * Text with OOXML's `_xHHHH_` escapes (ECMA-376 `ST_Xstring`: a UTF-16 code unit, used for
 * characters XML cannot carry such as `_x000D_` for a carriage return) replaced by the characters.
 * `_x005F_` escapes the underscore itself.
 *
 * @internal
 */
export function unescapeOoxml(text: string): string {
  let at = text.indexOf('_x');
  if (at < 0) return text;
  let out = '';
  let from = 0;
  while (at >= 0) {
    if (escapeAt(text, at)) {
      out +=
        text.slice(from, at) + String.fromCharCode(Number.parseInt(text.slice(at + 2, at + 6), 16));
      from = at + 7;
      at = text.indexOf('_x', from);
    } else {
      at = text.indexOf('_x', at + 1);
    }
  }
  return out + text.slice(from);
}

/** Characters that need escaping in XML text or attributes, or OOXML's `_xHHHH_` escape. */
const NEEDS_ESCAPE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 cannot carry these characters, so they must be found and escaped.
  /[&<>"\u0000-\u0008\u000b-\u001f\ufffe\uffff]|_x[0-9a-fA-F]{4}_|\p{Surrogate}/u;

function hex4(code: number): string {
  return `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
}

/**
 * Text escaped for an XML element or a double-quoted attribute of an OOXML part: `& < > "` as
 * entities; characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF)
 * and the carriage return (which XML parsers turn into a line feed) as `_xHHHH_`; and an
 * underscore that would start such an escape as `_x005F_`, so that reading gives the text back.
 *
 * @internal
 */
export function escapeXmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let replacement: string;
    if (c === 38) replacement = '&amp;';
    else if (c === 60) replacement = '&lt;';
    else if (c === 62) replacement = '&gt;';
    else if (c === 34) replacement = '&quot;';
    else if ((c < 0x20 && c !== 9 && c !== 10) || c === 0xfffe || c === 0xffff)
      replacement = hex4(c);
    else if (c === 95 && escapeAt(text, i)) replacement = '_x005F_';
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      replacement = hex4(c);
    } else if (c >= 0xdc00 && c <= 0xdfff) replacement = hex4(c);
    else continue;
    out += text.slice(from, i) + replacement;
    from = i + 1;
  }
  return out + text.slice(from);
}

/**
 * `text` cut to at most `max` UTF-16 units, never between the two halves of a surrogate pair.
 *
 * @internal
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/**
 * `text` as a string of its own. V8 makes a slice of 13 characters or more a view into the string
 * it was cut from (and a joined string a tree of its pieces): a cell text cut from a decoded
 * chunk, or a cell cut at the length limit, would keep the whole chunk or the uncut text alive.
 * Copies such text into a flat string of exactly its characters: the two-piece join is flattened
 * at once (reading its last character), and the garbage collector then replaces the join by the
 * flat copy, so nothing but the characters stays. Shorter text is already a copy.
 *
 * @internal
 */
export function ownText(text: string): string {
  if (text.length < 13) return text;
  const copy = text.slice(0, 1) + text.slice(1);
  copy.charCodeAt(copy.length - 1);
  return copy;
}
