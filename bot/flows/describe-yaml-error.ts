import { YAMLError } from 'yaml';

export interface YamlErrorDescription {
  /** The first line of the library's message, without its position and trailing colon. */
  message: string;
  /** 1-based line of the error, or null when the library reports none. */
  line: number | null;
  /** 1-based column of the error, or null when the library reports none. */
  column: number | null;
}

// The yaml library (2.9) ends the first line of a message with " at line 72, column 5:" and
// follows it with a snippet of the source.
const positionSuffix = /\s+at line \d+, column \d+:?\s*$/;

/**
 * Reads an error from the yaml library as a plain clause and a separate position, so
 * "Nested mappings are not allowed in compact mappings at line 72, column 5:" and its source
 * snippet become the clause and line 72, column 5.
 */
export function describeYamlError(error: unknown): YamlErrorDescription {
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = text.split('\n')[0] ?? '';
  const clause = firstLine.replace(positionSuffix, '').replace(/[\s:]+$/, '');
  const position = error instanceof YAMLError ? error.linePos?.[0] : undefined;
  const fallback = error instanceof YAMLError ? error.code : 'unreadable document';
  return {
    message: clause === '' ? fallback : clause,
    line: position?.line ?? null,
    column: position?.col ?? null,
  };
}
