import { describe, expect, it } from 'vitest';
import { STYLES_NAMES, StylesHandler } from './styles.ts';
import { XmlScanner } from './xml-scanner.ts';

describe('StylesHandler', () => {
  it('maps cell styles to date-ness, font name and quotePrefix, ignoring cellStyleXfs and dxfs', () => {
    const xml =
      '<styleSheet xmlns="urn:main"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0"/></numFmts>' +
      '<fonts count="3"><font><sz val="11"/><name val="Times New Roman"/></font><font><name val="VNI-Times"/></font><font><b/></font></fonts>' +
      '<cellStyleXfs count="1"><xf numFmtId="14" fontId="1"/></cellStyleXfs>' +
      '<cellXfs count="5"><xf numFmtId="0" fontId="0" xfId="0"/><xf numFmtId="164" fontId="1" applyNumberFormat="1"/>' +
      '<xf numFmtId="165" fontId="2"/><xf numFmtId="14" fontId="0" quotePrefix="1"><alignment wrapText="1"/></xf><xf/></cellXfs>' +
      '<dxfs count="1"><dxf><font><name val="Wingdings"/></font><numFmt numFmtId="166" formatCode="yyyy"/></dxf></dxfs></styleSheet>';
    const handler = new StylesHandler();
    const scanner = new XmlScanner(STYLES_NAMES, handler);
    scanner.write(xml);
    scanner.end();
    const styles = handler.result();
    expect(styles.count).toBe(5);
    expect([...styles.isDate]).toEqual([0, 1, 0, 1, 0]);
    expect(styles.font).toEqual([
      'Times New Roman',
      'VNI-Times',
      undefined,
      'Times New Roman',
      'Times New Roman',
    ]);
    expect([...styles.quotePrefix]).toEqual([0, 0, 0, 1, 0]);
    expect(styles.numFmtId).toEqual([0, 164, 165, 14, 0]);
  });
});
