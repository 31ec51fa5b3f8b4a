import { describe, expect, it } from 'vitest';
import { readXml, type XmlValue } from './xml.ts';

describe('reading XML', () => {
  it('reads elements as fast-xml-parser does: text trimmed, repeats as arrays, attributes left out', () => {
    const xml = `<?xml version="1.0"?>\n<!-- a census --><M a="1"><A> x </A><B/><C>1</C><C>2</C><D><E>&lt;&amp;&#65;&#x42;</E></D><R>only</R></M>`;
    expect(readXml(xml, { repeated: new Set(['R']) })).toEqual({
      name: 'M',
      value: { A: 'x', B: '', C: ['1', '2'], D: { E: '<&AB' }, R: ['only'] },
    });
  });

  it('reads CDATA as it is written', () => {
    expect(readXml('<M><![CDATA[a &amp; <b>]]></M>')).toEqual({ name: 'M', value: 'a &amp; <b>' });
  });

  it('hands over streamed elements as they close, in order, and keeps them out of the tree', () => {
    const streamed: XmlValue[] = [];
    const read = readXml('<M><H>h</H><Cs><C><I>1</I></C><C>2</C></Cs><C>kept</C></M>', {
      stream: { name: 'C', parent: 'Cs' },
      onStreamed: (value) => streamed.push(value),
    });
    expect(streamed).toEqual([{ I: '1' }, '2']);
    expect(read).toEqual({ name: 'M', value: { H: 'h', Cs: '', C: 'kept' } });
  });

  it.each([
    ['<M>\n<A>\n</B></M>', 3, 'does not match <A> of line 2'],
    ['<M>\n<A>', 2, '<A> of line 2 is never closed'],
    ['<M/>\n<N/>', 2, 'a second root element'],
    ['text', 1, 'text outside the root element'],
    ['<M><1/></M>', 1, 'not well formed'],
    ['', 1, 'no root element'],
  ])('reports %j as not XML, with the line', (xml, line, message) => {
    const read = readXml(xml);
    expect(read).toMatchObject({ error: { line } });
    expect('error' in read && read.error.message).toContain(message);
  });
});
