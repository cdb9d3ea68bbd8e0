import { renderTemplate } from '../../../../bot/templates/render-template.ts';
import type { TemplateFields, TemplateProblem } from '../../../../bot/templates/render-template.ts';

/** A piece of the preview: rendered text, or a field the server would reject, shown as typed. */
export type PreviewPart = { kind: 'text'; text: string } | { kind: 'unknown-field'; placeholder: string };

/**
 * Renders a template for the preview the way the lead would get it, except that each unknown
 * field stays in place as typed, so the owner sees where it is instead of a silent gap.
 */
export function renderPreviewParts(
  template: string,
  fields: TemplateFields,
  problems: TemplateProblem[],
): PreviewPart[] {
  // A malformed `{{` has no placeholder of its own to mark, so its raw braces stay in the text.
  const unknown = [...new Set(problems.map((problem) => problem.placeholder))].filter(
    (placeholder) => placeholder !== '' && placeholder !== '{{',
  );
  if (unknown.length === 0) {
    return [{ kind: 'text', text: renderTemplate(template, fields) }];
  }
  const pattern = new RegExp(`(${unknown.map(escapeRegExp).join('|')})`);
  return template
    .split(pattern)
    .map((piece): PreviewPart | null => {
      if (unknown.includes(piece)) {
        return { kind: 'unknown-field', placeholder: piece };
      }
      return piece === '' ? null : { kind: 'text', text: renderKeepingEdges(piece, fields) };
    })
    .filter((part): part is PreviewPart => part !== null);
}

/** Renders one piece of text, keeping a space at either end that trimming would remove. */
function renderKeepingEdges(piece: string, fields: TemplateFields): string {
  const rendered = renderTemplate(piece, fields);
  const before = /^\s/.test(piece) && rendered !== '' ? ' ' : '';
  const after = /\s$/.test(piece) ? ' ' : '';
  return `${before}${rendered}${after}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
