import { createRequire } from 'node:module';
import { expect } from 'vitest';
import { DEFAULT_LIMITS } from '../../errors.ts';
import { parseCellRef } from './cell-ref.ts';
import { decodeXmlBytes } from './xml-stream.ts';
import { readDirectorySync, readEntrySync } from './zip-reader.ts';

/** SheetJS, as a second reader of what was written. */
export const SheetJs = createRequire(import.meta.url)('@e965/xlsx') as typeof import('@e965/xlsx');

/** Every part of a zip, as text (binary parts left out). */
export function allParts(zip: Uint8Array): Map<string, string> {
  const directory = readDirectorySync(zip, DEFAULT_LIMITS, { file: undefined });
  const out = new Map<string, string>();
  for (const entry of directory.entries) {
    if (!/\.(xml|rels|vml)$/i.test(entry.name)) continue;
    out.set(
      entry.name,
      decodeXmlBytes(readEntrySync(zip, directory, entry, DEFAULT_LIMITS, { file: undefined })),
    );
  }
  return out;
}

const NAME = /^[A-Za-z_][\w.:-]*$/;

/**
 * Throws unless `xml` is well-formed: one root, balanced and matching tags, attributes quoted and
 * unique per element, `&` only in known or numeric entities, `<` never in text or attributes.
 */
export function assertWellFormed(xml: string, part: string): void {
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(
      `${part}: ${why} at ${i}: ${JSON.stringify(xml.slice(Math.max(0, i - 40), i + 40))}`,
    );
  };
  const checkText = (text: string): void => {
    for (const m of text.matchAll(/&([^;]{0,12});?/g)) {
      if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(m[1] ?? '') || !m[0].endsWith(';'))
        fail(`bad entity ${m[0]}`);
    }
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (stack.length === 0 && text.trim() !== '') fail('text outside the root');
    checkText(text);
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) fail('unclosed declaration');
      i = end + 2;
      continue;
    }
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end < 0) fail('unclosed comment');
      i = end + 3;
      continue;
    }
    const gt = xml.indexOf('>', i);
    if (gt < 0) fail('unclosed tag');
    const tag = xml.slice(i + 1, gt);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      if (stack.pop() !== name) fail(`end tag ${name} does not match`);
    } else {
      const selfClosing = tag.endsWith('/');
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const name = /^[^\s/>]+/.exec(body)?.[0] ?? '';
      if (!NAME.test(name)) fail(`bad element name ${JSON.stringify(name)}`);
      const attrs = body.slice(name.length);
      const seen = new Set<string>();
      const rest = attrs.replace(
        /\s+([^\s=]+)\s*=\s*("[^"<]*"|'[^'<]*')/g,
        (_, key: string, value: string) => {
          if (seen.has(key)) fail(`duplicate attribute ${key}`);
          seen.add(key);
          checkText(value.slice(1, -1));
          return '';
        },
      );
      if (rest.trim() !== '') fail(`bad attributes ${JSON.stringify(rest)}`);
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name);
    }
    i = gt + 1;
  }
  if (stack.length > 0) fail(`unclosed ${stack.join('>')}`);
  if (roots !== 1) fail(`${roots} root elements`);
}

/** Asserts every XML part of a zip is well-formed. */
export function assertAllWellFormed(zip: Uint8Array): void {
  for (const [name, xml] of allParts(zip)) assertWellFormed(xml, name);
}

/** The ARGB fill of each cell of a sheet part with a solid fill, by reference. */
export function solidFills(zip: Uint8Array, sheetPart: string): Map<string, string> {
  const parts = allParts(zip);
  const styles = parts.get('xl/styles.xml') ?? '';
  const fills = [
    ...(/<fills\b[^>]*>([\s\S]*?)<\/fills>/.exec(styles)?.[1] ?? '').matchAll(
      /<fill>([\s\S]*?)<\/fill>/g,
    ),
  ].map((m) => /patternType="solid"[\s\S]*?<fgColor rgb="([0-9A-F]{8})"/.exec(m[1] ?? '')?.[1]);
  const xfs = [
    ...(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b([^>]*)>/g),
  ].map((m) => Number(/fillId="(\d+)"/.exec(m[1] ?? '')?.[1] ?? 0));
  const out = new Map<string, string>();
  const sheet = parts.get(sheetPart) ?? '';
  for (const m of sheet.matchAll(/<c\b([^>]*?)\/?>/g)) {
    const attrs = m[1] ?? '';
    const ref = /\sr="([A-Z]+\d+)"/.exec(attrs)?.[1];
    const s = Number(/\ss="(\d+)"/.exec(attrs)?.[1] ?? 0);
    const fill = fills[xfs[s] ?? 0];
    if (ref !== undefined && fill !== undefined) out.set(ref, fill);
  }
  return out;
}

/** The comments of a sheet as SheetJS reads them: cell reference → texts. */
export function sheetJsComments(sheet: import('@e965/xlsx').WorkSheet): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [ref, cell] of Object.entries(sheet)) {
    if (ref.startsWith('!')) continue;
    const comments = (cell as { c?: { t: string }[] }).c;
    if (comments !== undefined)
      out.set(
        ref,
        comments.map((c) => c.t),
      );
  }
  return out;
}

/** The 0-based column of a reference. */
export function columnOf(ref: string): number {
  const parsed = parseCellRef(ref);
  expect(parsed).toBeDefined();
  return parsed?.column ?? -1;
}
