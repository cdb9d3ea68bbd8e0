/**
 * Message templates with `{{field}}` placeholders and an optional fallback:
 * `Hi {{contact.first_name | "there"}}, thanks for calling {{business.name}}.`
 * Flow messages may also name a collected slot as `{{slots.<name>}}`.
 */
export const templateFieldNames = [
  'business.name',
  'business.phone',
  'business.booking_link',
  'contact.first_name',
  'contact.name',
  'contact.phone',
] as const;

export type TemplateFieldName = (typeof templateFieldNames)[number];
export type SlotFieldName = `slots.${string}`;
export type TemplateFields = Partial<Record<TemplateFieldName | SlotFieldName, string | null>>;

const placeholderPattern = /\{\{\s*([^{}|]*?)\s*(?:\|\s*"([^"{}]*)"\s*)?\}\}/g;
const slotFieldPattern = /^slots\.([a-z][a-z0-9_]*)$/;

export interface TemplateProblem {
  placeholder: string;
  message: string;
}

export interface TemplateCheckOptions {
  /** Slots a flow declares; `{{slots.<name>}}` is valid only for these. Empty by default. */
  slotNames?: readonly string[];
}

/** Lists the placeholders a template cannot fill; an empty list means the template is valid. */
export function findTemplateProblems(
  template: string,
  options: TemplateCheckOptions = {},
): TemplateProblem[] {
  const slotNames = options.slotNames ?? [];
  const problems: TemplateProblem[] = [];
  for (const match of template.matchAll(placeholderPattern)) {
    const name = match[1] ?? '';
    if (isFieldName(name)) {
      continue;
    }
    const slotName = slotFieldPattern.exec(name)?.[1];
    if (slotName !== undefined && slotNames.includes(slotName)) {
      continue;
    }
    problems.push({ placeholder: match[0], message: describeUnknownField(name, slotNames) });
  }
  const unmatched = template.replace(placeholderPattern, '');
  if (unmatched.includes('{{') || unmatched.includes('}}')) {
    problems.push({ placeholder: '{{', message: 'Unclosed or malformed {{ }} placeholder' });
  }
  return problems;
}

/**
 * Fills each placeholder from `fields`, or with its fallback when the field is empty. A field
 * that is neither known nor set renders as an empty string, so raw braces never reach a lead.
 * Replacement is a single pass, so braces inside a field value are never expanded.
 */
export function renderTemplate(template: string, fields: TemplateFields): string {
  const rendered = template.replace(placeholderPattern, (_whole, name: string, fallback?: string) => {
    const value = isFieldName(name) || isSlotFieldName(name) ? fields[name] : undefined;
    return value?.trim() ? value.trim() : (fallback ?? '');
  });
  return rendered.replace(/[ \t]{2,}/g, ' ').replace(/ +([,.!?])/g, '$1').trim();
}

function isFieldName(name: string): name is TemplateFieldName {
  return (templateFieldNames as readonly string[]).includes(name);
}

function isSlotFieldName(name: string): name is SlotFieldName {
  return slotFieldPattern.test(name);
}

function describeUnknownField(name: string, slotNames: readonly string[]): string {
  const slotFields = slotNames.map((slotName) => `slots.${slotName}`);
  const known = [...templateFieldNames, ...slotFields].join(', ');
  return `Unknown field "${name}"; use one of ${known}`;
}

/** The first word of a stored name, for `contact.first_name`. */
export function firstNameOf(name: string | null): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first : null;
}
