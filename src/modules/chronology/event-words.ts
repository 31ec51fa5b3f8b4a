import { codeInWords, codeListOn, inSentence, type Collection } from '../../domain/codes/code-lists.ts';

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
    const list = codeListOn(collection, field, on);
    const words = codeInWords(list, code);
    // Within a sentence: "from police (6)", but "UASC …" keeps its capitals, and a code no list holds stays as written.
    return list.meanings.has(code) ? inSentence(words) : words;
  });
}
