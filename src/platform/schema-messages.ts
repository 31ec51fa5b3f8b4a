import type { FieldProblem } from './errors.ts';
import { sentence } from './views.ts';

/**
 * Turns the schema checker's (AJV's) failures into messages for the person or integrator who sent them, in the
 * GOV.UK style: each names the field and says what to do ("Enter the date of birth", "Date of birth must be a
 * real date, like 2026-12-07"), never the checker's own words ("must match a schema in anyOf"). One message per
 * field, the most telling one first (issue 17 part 9; STYLE.md rule 6).
 */
export interface SchemaFailure {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  /** The schema holding the keyword that failed (AJV's `verbose` option), for the field's description. */
  parentSchema?: { description?: string; properties?: Record<string, { description?: string }> };
}

/** Short words that are written in capitals wherever they appear in a field's name. */
const capitals: Record<string, string> = {
  id: 'ID',
  upn: 'UPN',
  nhs: 'NHS',
  uasc: 'UASC',
  pep: 'PEP',
  cin: 'CIN',
  cp: 'CP',
  iro: 'IRO',
  sdq: 'SDQ',
  mash: 'MASH',
  fte: 'FTE',
  url: 'URL',
};

/** Names whose words alone would read badly in a message. */
const namedFields: Record<string, string> = { q: 'search words' };

/**
 * A field's name in words: `dateOfBirth` → "date of birth", `nhsNumber` → "NHS number", a date named for its event
 * (`receivedOn`) → "date received".
 */
export function fieldWords(name: string): string {
  if (namedFields[name]) return namedFields[name];
  const event = /^([a-z]+)On$/.exec(name);
  if (event) return `date ${event[1]}`;
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .split(' ')
    .filter(Boolean)
    .map((word) => capitals[word] ?? word)
    .join(' ');
}

/**
 * A schema's description when it names the field the way a sentence would ("The date it happened"): the best
 * words for it. Descriptions that explain codes or formats instead are left for the field's name.
 */
function describedAs(failure: SchemaFailure, property: string | undefined): string | undefined {
  const description =
    property === undefined
      ? failure.parentSchema?.description
      : failure.parentSchema?.properties?.[property]?.description;
  if (!description || !/^The [^,:;()]+$/.test(description) || description.length > 60) return undefined;
  return description.charAt(0).toLowerCase() + description.slice(1);
}

/** The field a failure is about, as a dotted path (`addresses.0.postcode`) and in words. */
function fieldOf(failure: SchemaFailure, context: string): { path: string; words: string } {
  const segments = failure.instancePath.split('/').filter(Boolean);
  const extra =
    (failure.params.missingProperty as string | undefined) ??
    (failure.params.additionalProperty as string | undefined);
  if (extra !== undefined) segments.push(extra);
  const path = segments.join('.');
  const last = segments.at(-1);
  if (last === undefined) return { path: context, words: contextWords[context] ?? 'the request' };
  if (/^\d+$/.test(last)) {
    const list = segments.at(-2);
    return { path, words: `item ${Number(last) + 1} of ${list ? fieldWords(list) : 'the list'}` };
  }
  const described = describedAs(failure, failure.keyword === 'required' ? extra : undefined);
  return { path, words: described ?? fieldWords(last) };
}

const contextWords: Record<string, string> = {
  body: 'the request body',
  querystring: 'the search',
  params: 'the web address',
};

const typeWords: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  string: 'text',
  array: 'a list',
  object: 'a set of named fields (a JSON object)',
};

const formatWords: Record<string, (field: string) => string> = {
  date: (field) => `${sentence(field)} must be a real date, like 2026-12-07`,
  'date-time': (field) => `${sentence(field)} must be a real date and time, like 2026-12-07T09:30:00Z`,
  uuid: (field) =>
    `${sentence(field)} must be an ID that Hearth gave, like 0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b`,
  email: () => 'Enter an email address in the correct format, like name@example.com',
};

/** A list of allowed values in words: "A, B or C", or a pointer to the API description when it is long. */
function choices(values: readonly unknown[]): string {
  const shown = [...new Set(values.map((value) => (value === '' ? '(empty)' : String(value))))];
  if (shown.length > 12) return 'one of the values the API description lists for it';
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
}

/** The message for one field from all the failures about it, the most telling first. */
function messageFor(words: string, failures: readonly SchemaFailure[]): string {
  const field = sentence(words);
  const has = (keyword: string) => failures.find((failure) => failure.keyword === keyword);
  const limit = (failure: SchemaFailure) => Number(failure.params.limit);
  const required = has('required');
  if (required) return words.startsWith('the ') ? `Enter ${words}` : `Enter the ${words}`;
  const extra = has('additionalProperties');
  if (extra)
    return `Hearth does not take a field called ${String(extra.params.additionalProperty)}: remove it`;
  const format = failures.find((failure) => failure.keyword === 'format');
  if (format) {
    const wording = formatWords[String(format.params.format)];
    return wording ? wording(words) : `Enter the ${words} in the correct format`;
  }
  const allowed = failures.flatMap((failure) =>
    failure.keyword === 'const'
      ? [failure.params.allowedValue]
      : failure.keyword === 'enum'
        ? ((failure.params.allowedValues as unknown[] | undefined) ?? [])
        : [],
  );
  if (allowed.length) return `${field} must be ${choices(allowed)}`;
  const minLength = has('minLength');
  if (minLength) {
    return limit(minLength) <= 1
      ? `Enter ${words.startsWith('the ') ? words : `the ${words}`}`
      : `${field} must be ${limit(minLength)} characters or more`;
  }
  const maxLength = has('maxLength');
  if (maxLength) return `${field} must be ${limit(maxLength)} characters or fewer`;
  const minimum = has('minimum') ?? has('exclusiveMinimum');
  if (minimum) return `${field} must be ${limit(minimum)} or more`;
  const maximum = has('maximum') ?? has('exclusiveMaximum');
  if (maximum) return `${field} must be ${limit(maximum)} or less`;
  const minItems = has('minItems');
  if (minItems) return `Give at least ${limit(minItems)} for ${words}`;
  const maxItems = has('maxItems');
  if (maxItems) return `Give ${limit(maxItems)} or fewer for ${words}`;
  if (has('pattern')) return `Enter the ${words} in the correct format`;
  if (has('uniqueItems')) return `${field} must not give the same value twice`;
  const types = failures
    .filter((failure) => failure.keyword === 'type')
    .map((failure) => String(failure.params.type))
    .flatMap((type) => type.split(','))
    .filter((type) => type !== 'null');
  if (types.length) return `${field} must be ${typeWords[types[0]!] ?? types[0]}`;
  return `Check the ${words}: Hearth cannot take the value given`;
}

/** One problem per field, in the order the fields were first reported. */
export function schemaFieldProblems(failures: readonly SchemaFailure[], context = 'body'): FieldProblem[] {
  const byField = new Map<string, { words: string; failures: SchemaFailure[] }>();
  for (const failure of failures) {
    const { path, words } = fieldOf(failure, context);
    const entry = byField.get(path) ?? { words, failures: [] };
    // A description found on any of the field's failures names it better than its bare name.
    if (words.startsWith('the ')) entry.words = words;
    entry.failures.push(failure);
    byField.set(path, entry);
  }
  return [...byField].map(([path, entry]) => ({ path, message: messageFor(entry.words, entry.failures) }));
}
