import { codeListOn, type Collection } from '../../../domain/codes/code-lists.ts';

/** A DfE code as the chronology's SQL writes it into an event's text: {COLLECTION.FIELD:code}. */
const codeToken = /\{(CIN|SSDA903)\.(\w+):([^}]*)\}/g;

/**
 * An event's text with each DfE code put into words, as the code list of the event's date has it: "Legal status:
 * {SSDA903.LS:C1}" reads "Legal status: interim care order (C1)". A chronology is written to be read by the child one
 * day, and by people who do not know the codes; a code no list holds is left as it is.
 */
export function inWords(text: string | null, on: string): string | null {
  if (text === null) return null;
  return text.replace(codeToken, (_token, collection: Collection, field: string, code: string) => {
    const meaning = codeListOn(collection, field, on).meanings.get(code);
    if (!meaning) return code;
    // "from police (6)", but "UASC …" keeps its capitals.
    const lower = /^[A-Z][a-z]/.test(meaning)
      ? `${meaning.charAt(0).toLowerCase()}${meaning.slice(1)}`
      : meaning;
    return `${lower} (${code})`;
  });
}
