import { describe, expect, it } from 'vitest';
import { findTemplateProblems, renderTemplate } from '../../bot/templates/render-template.ts';

describe('renderTemplate with slots', () => {
  it('fills slot fields and their fallbacks', () => {
    const template =
      'Hi {{contact.first_name | "there"}}, {{slots.need}} at {{slots.zip | "your place"}}';

    const text = renderTemplate(template, { 'contact.first_name': 'Ana', 'slots.need': 'a leak' });

    expect(text).toBe('Hi Ana, a leak at your place');
  });

  it('does not expand placeholders inside a value', () => {
    const text = renderTemplate('Noted: {{slots.need}}', { 'slots.need': '{{business.phone}}' });

    expect(text).toBe('Noted: {{business.phone}}');
  });
});

describe('findTemplateProblems with slots', () => {
  it('rejects slot fields unless the slot is declared', () => {
    const withoutSlots = findTemplateProblems('{{slots.need}}');
    const withSlots = findTemplateProblems('{{slots.need}}', { slotNames: ['need'] });

    expect(withoutSlots).toHaveLength(1);
    expect(withoutSlots[0]?.message).toMatch(/^Unknown field "slots.need"/);
    expect(withSlots).toEqual([]);
  });

  it('still rejects unknown contact fields', () => {
    const problems = findTemplateProblems('{{contact.nickname}}', { slotNames: ['need'] });

    expect(problems[0]?.message).toMatch(/use one of business.name, .*slots.need$/);
  });
});
