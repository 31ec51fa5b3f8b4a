import { Type, type TSchema } from 'typebox';
import type { FieldProblem } from '../errors.ts';
import { dateFromParts } from '../dates.ts';

/**
 * A declared field of a recording form: what it is called, what kind of answer it takes, and whether it is needed.
 * One declaration gives the GOV.UK form, the parsing of what was typed, the JSON API's schema and the error
 * messages, so the page and the API cannot drift apart.
 */
export type FieldSpec =
  | { name: string; label: string; kind: 'date'; required?: boolean; hint?: string; notFuture?: boolean }
  | {
      name: string;
      label: string;
      kind: 'text' | 'textarea';
      required?: boolean;
      hint?: string;
      maxLength?: number;
    }
  | { name: string; label: string; kind: 'yes-no'; required?: boolean; hint?: string }
  | {
      name: string;
      label: string;
      kind: 'number';
      required?: boolean;
      hint?: string;
      min: number;
      max: number;
    }
  | {
      name: string;
      label: string;
      kind: 'choice';
      required?: boolean;
      hint?: string;
      /** The choices on a date, for code lists that change by collection year. */
      options: (today: string) => ReadonlyArray<{ value: string; text: string }>;
    };

export type FieldValue = string | number | boolean | null;
export type RecordValues = Record<string, FieldValue>;

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

const auxiliaries = /^(is|was|are|were|has|have|had|does|do|did|can|will)\s+(.+?)\?$/i;
const pronouns = new Set(['it', 'they', 'you', 'he', 'she', 'we']);
const determiners = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'their',
  'his',
  'her',
  'its',
]);
/** Words that end a question's subject: prepositions and past participles that are not "-ed". */
const predicateStarts = new Set([
  'in',
  'inside',
  'outside',
  'at',
  'on',
  'within',
  'seen',
  'known',
  'given',
  'told',
  'held',
  'kept',
  'made',
  'done',
  'taken',
]);

/**
 * The GOV.UK error for an unanswered yes/no question: "Select yes if the child was seen" for "Was the child
 * seen?" (Design System, radios: "Select yes if …"). A question this cannot turn round is quoted whole.
 */
export function yesNoMessage(label: string): string {
  const question = auxiliaries.exec(label.trim());
  if (question) {
    const [, verb, rest] = question as unknown as [string, string, string];
    const words = rest.split(/\s+/);
    let end = 0;
    if (pronouns.has(words[0]!.toLowerCase())) end = 1;
    else if (determiners.has(words[0]!.toLowerCase())) {
      end = words.findIndex(
        (word, index) => index > 0 && (predicateStarts.has(word) || /[a-z]ed$/.test(word)),
      );
    }
    if (end > 0 && end < words.length) {
      const subject = words.slice(0, end).join(' ');
      return `Select yes if ${lower(subject)} ${verb.toLowerCase()} ${words.slice(end).join(' ')}`;
    }
  }
  return `Select yes or no for ‘${label}’`;
}

/** Reads a posted GOV.UK form (dates in three boxes, yes/no as radios) into values, with a message per problem. */
export function parseFormFields(
  fields: readonly FieldSpec[],
  body: Record<string, unknown>,
  today: string,
): { values: RecordValues; problems: FieldProblem[] } {
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
  const raw: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const field of fields) {
    if (field.kind === 'date') {
      const parsed = dateFromParts(
        field.label,
        text(`${field.name}-day`),
        text(`${field.name}-month`),
        text(`${field.name}-year`),
      );
      if ('problem' in parsed) problems.push({ path: field.name, message: parsed.problem });
      else raw[field.name] = parsed.date;
    } else if (field.kind === 'yes-no') {
      raw[field.name] = text(field.name) === 'yes' ? true : text(field.name) === 'no' ? false : null;
    } else if (field.kind === 'number') {
      raw[field.name] =
        text(field.name) === ''
          ? null
          : /^-?\d+(\.\d+)?$/.test(text(field.name))
            ? Number(text(field.name))
            : text(field.name);
    } else {
      raw[field.name] = text(field.name) || null;
    }
  }
  const checked = checkFields(fields, raw, today);
  return {
    values: checked.values,
    problems: [...problems, ...checked.problems.filter((p) => !problems.some((q) => q.path === p.path))],
  };
}

/** Checks values (from a form or the JSON API) against the declared fields: required, real, known codes. */
export function checkFields(
  fields: readonly FieldSpec[],
  raw: Record<string, unknown>,
  today: string,
): { values: RecordValues; problems: FieldProblem[] } {
  const values: RecordValues = {};
  const problems: FieldProblem[] = [];
  const problem = (field: FieldSpec, message: string) => problems.push({ path: field.name, message });
  for (const field of fields) {
    const value = raw[field.name];
    if (value === undefined || value === null || value === '') {
      values[field.name] = null;
      if (field.required) {
        problem(
          field,
          field.kind === 'yes-no'
            ? yesNoMessage(field.label)
            : field.kind === 'choice'
              ? `Select ${lower(field.label)}`
              : `Enter ${lower(field.label)}`,
        );
      }
      continue;
    }
    switch (field.kind) {
      case 'date':
        if (
          typeof value !== 'string' ||
          !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
          'problem' in dateFromParts(field.label, value.slice(8), value.slice(5, 7), value.slice(0, 4))
        ) {
          problem(field, `${field.label} must be a real date`);
        } else if (field.notFuture !== false && value > today) {
          problem(field, `${field.label} must be today or in the past`);
        } else values[field.name] = value;
        break;
      case 'yes-no':
        if (typeof value !== 'boolean') problem(field, yesNoMessage(field.label));
        else values[field.name] = value;
        break;
      case 'number':
        if (typeof value !== 'number' || Number.isNaN(value) || value < field.min || value > field.max) {
          problem(field, `${field.label} must be a number from ${field.min} to ${field.max}`);
        } else values[field.name] = value;
        break;
      case 'choice':
        if (typeof value !== 'string' || !field.options(today).some((option) => option.value === value)) {
          problem(field, `Select ${lower(field.label)} from the list`);
        } else values[field.name] = value;
        break;
      default:
        if (typeof value !== 'string') problem(field, `Enter ${lower(field.label)} as text`);
        else if (value.length > (field.maxLength ?? 5000))
          problem(field, `${field.label} must be ${field.maxLength ?? 5000} characters or fewer`);
        else values[field.name] = value.trim();
    }
  }
  return { values, problems };
}

/** The JSON API's body schema for the fields: dates as YYYY-MM-DD, yes/no as booleans. Codes are checked by `checkFields`. */
export function apiSchema(fields: readonly FieldSpec[]): TSchema {
  const properties: Record<string, TSchema> = {};
  for (const field of fields) {
    const described = { description: field.label + (field.hint ? `. ${field.hint}` : '') };
    const base =
      field.kind === 'date'
        ? Type.String({ ...described, format: 'date' })
        : field.kind === 'yes-no'
          ? Type.Boolean(described)
          : field.kind === 'number'
            ? Type.Number({ ...described, minimum: field.min, maximum: field.max })
            : Type.String({
                ...described,
                maxLength: field.kind === 'choice' ? 40 : (field.maxLength ?? 5000),
              });
    properties[field.name] = field.required ? base : Type.Optional(Type.Union([base, Type.Null()]));
  }
  return Type.Object(properties, { additionalProperties: false });
}
