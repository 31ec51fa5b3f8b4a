import { validateXML } from 'xmllint-wasm';

const { readFileSync } = process.getBuiltinModule('node:fs');

const schema = readFileSync(new URL('./cin-census-2025-26.xsd', import.meta.url), 'utf8');

/**
 * For tests: the errors libxml2 (xmllint, compiled to WebAssembly, run here with no network) finds in a CIN census
 * message against the 2025–26 schema kept beside this file; empty when the message is valid.
 */
export async function cinCensusSchemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'cin-census.xml', contents: xml }],
    schema: [{ fileName: 'cin-census-2025-26.xsd', contents: schema }],
  });
  return result.errors.map((error) => error.rawMessage);
}
