import { findTemplateProblems } from '../../../../bot/templates/render-template.ts';
import type { TemplateProblem } from '../../../../bot/templates/render-template.ts';

/** The maximum length of an opening message the server accepts, counted after trimming. */
export const maxOpeningMessageLength = 640;

export interface OpeningMessageCheckOptions {
  /** True for the opening message, which must have text, and false for the after-hours one. */
  isRequired: boolean;
}

/**
 * Lists what would make the server reject an opening message: unknown or malformed fields (the
 * same check the server runs), an empty required message and a message over the length limit.
 */
export function findOpeningMessageProblems(
  template: string,
  options: OpeningMessageCheckOptions,
): TemplateProblem[] {
  const trimmed = template.trim();
  const problems = findTemplateProblems(trimmed);
  if (options.isRequired && trimmed === '') {
    problems.push({ placeholder: '', message: 'The message is empty' });
  }
  if (trimmed.length > maxOpeningMessageLength) {
    const message = `The message has ${trimmed.length} characters; the limit is ${maxOpeningMessageLength}`;
    problems.push({ placeholder: '', message });
  }
  return problems;
}
