import fc from 'fast-check';

/**
 * What an attacker or a careless client sends (issue 22, part 4), as fast-check arbitraries: text with NUL and
 * control characters, lone surrogates, formulas, script and path tricks; numbers past PostgreSQL's integer and
 * past JavaScript's; impossible dates; wrong types; huge and deeply nested values.
 */

/** Script that must never come back unescaped in a page. */
export const SCRIPT_MARKER = '<script>window.hostile=1</script>';

const nasty = [
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u0007\u001b[31m\u007f',
  '\r\n\t\u000b\u000c',
  '\uFEFFbom',
  '\u202Eevil\u202C',
  '\uD800',
  'a\uDFFFb',
  '\u200B\u2028\u2029',
  SCRIPT_MARKER,
  `"><img src=x onerror=alert(1)>${SCRIPT_MARKER}`,
  "javascript:alert('x')",
  '=HYPERLINK("http://evil.example","Click")',
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2+3',
  '@SUM(1+1)',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '/etc/passwd',
  '%2e%2e%2f%2e%2e%2f',
  'C:\\boot.ini',
  'con.csv',
  '{{ 7*7 }}',
  '{% raw %}',
  '${7*7}',
  "' or 1=1 --",
  "'); drop table children; --",
  '0000-01-01',
  '2025-02-30',
  '2025-13-01',
  '9999-12-31',
  '+275760-09-13',
  '-0001-01-01',
  '2025-06-10T25:61:00Z',
  '1e308',
  '-1e308',
  'NaN',
  'Infinity',
  '2147483648',
  '-2147483649',
  '99999999999999999999999',
  '0x10',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '__proto__',
  '',
  ' ',
];

/** Hostile text: a known trick, a random string of any UTF-16 units, a trick inside a word, or a huge string. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...nasty) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...nasty), fc.string({ maxLength: 8 }))
      .map(([before, trick, after]) => before + trick + after),
  },
  // Just past the longest answers Hearth takes (200, 2,000, 10,000 and 100,000 characters).
  { weight: 1, arbitrary: fc.constantFrom(201, 2_001, 10_001, 100_001).map((length) => 'x'.repeat(length)) },
);

const hostileNumber = fc.oneof(
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 63, 1e308, -1e308, 5e-324, -0, 0.5, -1),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Nested `depth` levels deep: an array in an array…, or an object in an object…. */
function deep(depth: number, inArray: boolean): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = inArray ? [value] : { a: value };
  return value;
}

/** Any JSON value an API should refuse or take in its stride. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileText },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 5 }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 33, max: 400 }).chain((n) => fc.constant(deep(n, n % 2 === 0))),
  },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 1_001 }, (_, index) => index)) },
  { weight: 1, arbitrary: fc.dictionary(hostileText, hostileText, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.constant({ __proto__: { admin: true }, constructor: { prototype: {} } }) },
);

type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A value of the schema's shape (TypeBox's JSON Schema), plausible enough to get past it to the service. */
export function exampleOf(schema: Schema | undefined, ids: Record<string, string> = {}, name = ''): unknown {
  if (!schema) return undefined;
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const chosen =
      options.find((option: Schema) => option.const !== '' && option.type !== 'null') ?? options[0];
    return exampleOf(chosen, ids, name);
  }
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries((schema.properties ?? {}) as Record<string, Schema>).map(([key, inner]) => [
          key,
          exampleOf(inner, ids, key),
        ]),
      );
    case 'array':
      return schema.minItems ? [exampleOf(schema.items, ids, name)] : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string': {
      if (schema.format === 'date') return '2025-06-10';
      if (schema.format === 'uuid') return ids[name] ?? ids.childId ?? '00000000-0000-7000-8000-000000000000';
      if (schema.format === 'email') return 'hostile@council.example';
      if (schema.format === 'date-time') return '2025-06-10T10:00:00Z';
      return 'Hostile'.slice(0, schema.maxLength ?? 7);
    }
    default:
      return 'Hostile';
  }
}

/** The paths to every key of an object and of the objects inside it. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    [...prefix, key],
    ...pathsOf(inner, [...prefix, key]),
  ]);
}

function withValueAt(body: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = { ...(body as Record<string, unknown>) };
  copy[path[0]!] = withValueAt(copy[path[0]!], path.slice(1), value);
  return copy;
}

/**
 * A hostile body for a schema: its example with one to three fields (or a new field) made hostile, or something
 * that is not the right kind of body at all.
 */
export function hostileBody(schema: Schema | undefined, ids: Record<string, string>): fc.Arbitrary<unknown> {
  const example = exampleOf(schema, ids) ?? {};
  const paths = pathsOf(example);
  const mutated = fc
    .array(
      fc.tuple(
        fc.constantFrom<string[]>(...paths, ['__proto__'], ['unexpected'], ['unexpected']),
        hostileValue,
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((changes) =>
      changes.reduce<unknown>((body, [path, value]) => withValueAt(body, path, value), example),
    );
  return fc.oneof({ weight: 9, arbitrary: mutated }, { weight: 1, arbitrary: hostileValue });
}

/** A hostile form: the form's fields, one to three of them hostile text, sometimes a field given twice. */
export function hostileForm(fields: Record<string, string>): fc.Arbitrary<Array<[string, string]>> {
  const names = Object.keys(fields);
  return fc
    .tuple(
      fc.array(fc.tuple(names.length ? fc.constantFrom(...names) : hostileText, hostileText), {
        minLength: 1,
        maxLength: 3,
      }),
      fc.boolean(),
    )
    .map(([changes, twice]) => {
      const form = { ...fields };
      for (const [name, value] of changes) form[name] = value;
      const entries = Object.entries(form);
      if (twice && changes[0]) entries.push(changes[0]);
      return entries;
    });
}

/** Bytes that are not UTF-8, spliced into a payload's text: a lone continuation, an overlong, a cut sequence. */
export function withInvalidUtf8(payload: string): Buffer {
  const middle = Math.max(0, payload.lastIndexOf('"', payload.length - 2));
  return Buffer.concat([
    Buffer.from(payload.slice(0, middle)),
    Buffer.from([0x80, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff, 0xe2, 0x82]),
    Buffer.from(payload.slice(middle)),
  ]);
}

/** A hostile file name: path tricks, NUL, control characters, a very long name, or a plain one. */
export const hostileFileName = (extension: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      `../../../../etc/passwd${extension}`,
      `..\\..\\windows\\system32\\staff${extension}`,
      `/etc/staff${extension}`,
      `staff\u0000.exe${extension}`,
      `staff\r\nContent-Type: text/html${extension}`,
      `${SCRIPT_MARKER}${extension}`,
      `${'a'.repeat(5_000)}${extension}`,
      `=cmd${extension}`,
      `staff${extension}`,
    ),
    hostileText.map((name) => name.slice(0, 300) + extension),
  );
