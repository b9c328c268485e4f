import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runRules } from '../core/engine.ts';
import { toJUnit, xmlAttribute, xmlText } from './junit.ts';
import { HOSTILE, HOSTILE_NOTE, SAMPLE_RULES, sampleReport } from './report.test-helper.ts';

/** An element of the minimal XML parser below. */
interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

/** What XML 1.0 allows in a document (the Char production). */
const NOT_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const ENTITY = /&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decode(raw: string, where: string): string {
  if (raw.replace(ENTITY, '').includes('&')) throw new SyntaxError(`a bare & in ${where}`);
  return raw.replace(ENTITY, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (NAMED[e] as string),
  );
}

/**
 * A deliberately strict, minimal XML parser: the declaration, elements with double-quoted
 * attributes, text, the five named entities and character references — anything else (a bare `&`
 * or `<`, an unclosed or mismatched tag, a character XML forbids, trailing content) throws.
 */
function parseXml(xml: string): XmlElement {
  if (NOT_CHAR.test(xml)) throw new SyntaxError('a character XML 1.0 does not allow');
  const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (!xml.startsWith(DECLARATION)) throw new SyntaxError('no XML declaration');
  let i = DECLARATION.length;
  const name = (): string => {
    const m = /[A-Za-z_][\w.-]*/y;
    m.lastIndex = i;
    const found = m.exec(xml);
    if (!found) throw new SyntaxError(`a name expected at ${i}`);
    i += found[0].length;
    return found[0];
  };
  const skipSpace = (): boolean => {
    const start = i;
    while (i < xml.length && ' \t\n\r'.includes(xml[i] as string)) i++;
    return i > start;
  };
  const element = (): XmlElement => {
    if (xml[i] !== '<') throw new SyntaxError(`< expected at ${i}`);
    i++;
    const tag = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const spaced = skipSpace();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return { name: tag, attributes, children: [], text: '' };
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      if (!spaced) throw new SyntaxError(`space expected before an attribute at ${i}`);
      const key = name();
      if (key in attributes) throw new SyntaxError(`attribute ${key} twice`);
      if (xml[i] !== '=' || xml[i + 1] !== '"') throw new SyntaxError(`="…" expected at ${i}`);
      const end = xml.indexOf('"', i + 2);
      if (end < 0) throw new SyntaxError('unterminated attribute');
      const raw = xml.slice(i + 2, end);
      if (raw.includes('<')) throw new SyntaxError(`< in attribute ${key}`);
      attributes[key] = decode(raw, `attribute ${key}`);
      i = end + 1;
    }
    const el: XmlElement = { name: tag, attributes, children: [], text: '' };
    for (;;) {
      if (i >= xml.length) throw new SyntaxError(`<${tag}> not closed`);
      if (xml.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== tag) throw new SyntaxError(`</${closing}> closes <${tag}>`);
        skipSpace();
        if (xml[i] !== '>') throw new SyntaxError('> expected');
        i++;
        return el;
      }
      if (xml[i] === '<') {
        el.children.push(element());
        continue;
      }
      const next = xml.indexOf('<', i);
      const raw = xml.slice(i, next < 0 ? xml.length : next);
      if (raw.includes(']]>')) throw new SyntaxError(']]> in text');
      el.text += decode(raw, `<${tag}> text`);
      i += raw.length;
    }
  };
  const root = element();
  skipSpace();
  if (i !== xml.length) throw new SyntaxError('content after the root element');
  return root;
}

const all = (el: XmlElement, name: string): XmlElement[] => [
  ...(el.name === name ? [el] : []),
  ...el.children.flatMap((c) => all(c, name)),
];

/** What an escaped text reads as once parsed: characters XML cannot hold become U+FFFD. */
const asXmlReads = (s: string): string =>
  s.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters replaced.
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );

describe('the minimal XML parser of these tests', () => {
  it('refuses malformed documents', () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
    for (const bad of [
      '<a/>',
      `${head}<a>`,
      `${head}<a></b>`,
      `${head}<a x="1&2"/>`,
      `${head}<a x='1'/>`,
      `${head}<a>1 < 2</a>`,
      `${head}<a>\u0001</a>`,
      `${head}<a/><b/>`,
    ]) {
      expect(() => parseXml(bad), bad).toThrow(SyntaxError);
    }
    expect(parseXml(`${head}<a x="&lt;&#10;"><b>t&amp;u</b></a>`)).toEqual({
      name: 'a',
      attributes: { x: '<\n' },
      children: [{ name: 'b', attributes: {}, children: [], text: 't&u' }],
      text: '',
    });
  });
});

describe('toJUnit', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`writes well-formed JUnit XML (${lang}): a suite per rule, failures, skipped acknowledgements, passing rules`, async () => {
      const report = await sampleReport();
      const xml = toJUnit(report, { lang, name: 'Trường <"A"> & \u0000' });
      const root = parseXml(xml);
      expect(root.name).toBe('testsuites');
      expect(root.attributes).toEqual({
        name: 'Trường <"A"> & \uFFFD',
        tests: '5',
        failures: '3',
        errors: '0',
        skipped: '1',
      });
      const suites = all(root, 'testsuite');
      expect(suites.map((s) => s.attributes['name'])).toEqual(report.rules);
      const byName = new Map(suites.map((s) => [s.attributes['name'], s]));

      const errors = byName.get('TEST.VALUE.001');
      expect(errors?.attributes).toMatchObject({ tests: '2', failures: '2', skipped: '0' });
      const failures = all(errors as XmlElement, 'failure');
      expect(failures.map((f) => f.attributes['type'])).toEqual(['error', 'error']);
      const hostile = report.issues[0];
      expect(failures[0]?.attributes['message']).toBe(asXmlReads(hostile?.message[lang] ?? ''));
      expect(failures[0]?.attributes['message']).toContain('<script>alert("x")</script> & \'q\'');
      expect(failures[0]?.attributes['message']).toContain('Nguyễn Thị Ánh');
      expect(failures[0]?.text).toContain(asXmlReads(hostile?.message[lang] ?? ''));
      expect(failures[0]?.text).toContain(hostile?.hint[lang]);
      expect(all(errors as XmlElement, 'testcase')[0]?.attributes['name']).toContain(
        'Trường "A" & <B>.xlsx › Học sinh',
      );

      const queries = byName.get('TEST.SIZE.001');
      expect(queries?.attributes).toMatchObject({ tests: '2', failures: '1', skipped: '1' });
      expect(all(queries as XmlElement, 'failure').map((f) => f.attributes['type'])).toEqual([
        'query',
      ]);
      const [skip] = all(queries as XmlElement, 'skipped');
      expect(skip?.attributes['message']).toContain(asXmlReads(HOSTILE_NOTE));
      expect(skip?.attributes['message']).toContain('<ok> "quoted" \uFFFD tab\there\nnew line');
      expect(skip?.attributes['message']).toContain(
        lang === 'vi' ? 'Đã xác nhận (hiệu trưởng' : 'Acknowledged (hiệu trưởng',
      );
      expect(all(queries as XmlElement, 'testcase').map((t) => t.attributes['name'])).toContain(
        `hs.csv › ${lang === 'vi' ? 'dòng' : 'row'} 4 [HocSinh HS3&<4>]`,
      );

      const quiet = byName.get('TEST.QUIET.001');
      expect(quiet?.attributes).toMatchObject({ tests: '1', failures: '0', skipped: '0' });
      const [pass] = all(quiet as XmlElement, 'testcase');
      expect(pass?.children).toEqual([]);
      expect(pass?.attributes['name']).toBe(
        `TEST.QUIET.001: ${lang === 'vi' ? 'không có vấn đề' : 'no issues'}`,
      );
    });
  }

  it('writes an empty run as an empty testsuites element', async () => {
    const root = parseXml(toJUnit(await runRules([], SAMPLE_RULES.slice(2))));
    expect(root.attributes).toMatchObject({ name: 'eduvn', tests: '1', failures: '0' });
    expect(parseXml(toJUnit(await runRules([], []))).children).toEqual([]);
  });

  it('escapes any text into XML that parses back to it (bar the characters XML cannot hold)', () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const el = parseXml(`${head}<a v="${xmlAttribute(s)}">${xmlText(s)}</a>`);
        expect(el.attributes['v']).toBe(asXmlReads(s));
        expect(el.text).toBe(asXmlReads(s));
      }),
    );
    expect(xmlText(HOSTILE)).not.toContain('<script>');
  });
});
