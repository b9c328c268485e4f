import type { Limits } from '../../errors.ts';
import { asAdapterError, type ReadContext } from './fail.ts';
import {
  RELATIONSHIPS_NAMES,
  type Relationship,
  RelationshipsHandler,
  relsPartOf,
} from './workbook-part.ts';
import { type XmlHandler, XmlScanner } from './xml-scanner.ts';
import { decodeXmlBytes } from './xml-stream.ts';
import { readEntrySync, type ZipDirectory, type ZipEntry } from './zip-reader.ts';

/**
 * Scans a whole XML text with `handler` (which may keep the scanner, to know where a tag starts).
 *
 * @internal
 */
export function scanText(text: string, names: readonly string[], handler: XmlHandler): XmlScanner {
  const scanner = new XmlScanner(names, handler);
  (handler as { scanner?: XmlScanner }).scanner = scanner;
  scanner.write(text);
  scanner.end();
  return scanner;
}

/** The XML parts of a workbook held in memory, read for rewriting. */
export interface PartReader {
  /** A part's text (as `replaced` holds it, if it was rewritten already). */
  text(entry: ZipEntry): string;
  /** Scans a part with `handler`; returns its text. */
  parse(entry: ZipEntry, names: readonly string[], handler: XmlHandler): string;
  /** The relationships of a part (`''`: the package's), or `undefined` when it has none. */
  relationshipsOf(part: string): Relationship[] | undefined;
}

/**
 * Reads the XML parts of the zip `bytes` (its `directory` already read), each failure an
 * `AdapterError` naming the part — what template filling and annotating share. A part in
 * `replaced` is read from there (a rewrite made earlier in the same pass).
 *
 * @internal
 */
export function partReader(
  bytes: Uint8Array,
  directory: ZipDirectory,
  limits: Limits,
  context: ReadContext,
  replaced?: ReadonlyMap<string, string>,
): PartReader {
  const text = (entry: ZipEntry): string => {
    const known = replaced?.get(entry.name);
    if (known !== undefined) return known;
    try {
      return decodeXmlBytes(readEntrySync(bytes, directory, entry, limits, context));
    } catch (error) {
      throw asAdapterError(context, error, `The part ${entry.name}`);
    }
  };
  const parse = (entry: ZipEntry, names: readonly string[], handler: XmlHandler): string => {
    const xml = text(entry);
    try {
      scanText(xml, names, handler);
    } catch (error) {
      throw asAdapterError(context, error, `The part ${entry.name}`);
    }
    return xml;
  };
  const relationshipsOf = (part: string): Relationship[] | undefined => {
    const entry = directory.find(relsPartOf(part));
    if (entry === undefined) return undefined;
    const handler = new RelationshipsHandler();
    parse(entry, RELATIONSHIPS_NAMES, handler);
    return handler.relationships;
  };
  return { text, parse, relationshipsOf };
}
