import { useRef } from 'react';
import { countSegments } from '../../../../bot/sms/count-segments.ts';
import { findTemplateProblems, renderTemplate } from '../../../../bot/templates/render-template.ts';
import { LinkifiedText } from '../../lib/linkified-text.tsx';

const fields = [
  { field: 'contact.first_name | "there"', label: 'First name' },
  { field: 'contact.name', label: 'Full name' },
  { field: 'business.name', label: 'Business name' },
  { field: 'business.phone', label: 'Business phone' },
  { field: 'business.booking_link', label: 'Booking link' },
] as const;

export interface OpeningMessageEditorProps {
  value: string;
  onChange: (value: string) => void;
  business: { name: string; phoneNumber: string; bookingLink: string | null };
  isDisabled: boolean;
}

/**
 * The opening message with a field picker, a preview rendered as the lead would see it on a
 * phone, and the SMS segment count the carrier bills.
 */
export function OpeningMessageEditor({ value, onChange, business, isDisabled }: OpeningMessageEditorProps) {
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const problems = findTemplateProblems(value);
  const preview = renderTemplate(value, {
    'business.name': business.name,
    'business.phone': business.phoneNumber,
    'business.booking_link': business.bookingLink,
    'contact.first_name': null,
    'contact.name': null,
    'contact.phone': '+15555550123',
  });
  const segments = countSegments(preview);

  const insertField = (field: string) => {
    const textarea = textareaRef.current;
    const placeholder = `{{${field}}}`;
    const start = textarea?.selectionStart ?? value.length;
    const end = textarea?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + placeholder + value.slice(end));
    requestAnimationFrame(() => {
      textarea?.focus();
      textarea?.setSelectionRange(start + placeholder.length, start + placeholder.length);
    });
  };

  return (
    <div className="opening-editor">
      <div className="opening-editor-input">
        <textarea
          ref={textareaRef}
          aria-label="Opening message"
          rows={5}
          value={value}
          disabled={isDisabled}
          onChange={(event) => onChange(event.target.value)}
        />
        <div className="field-picker" aria-label="Insert a field">
          <span>Insert:</span>
          {fields.map((item) => (
            <button
              key={item.field}
              type="button"
              className="field-chip"
              disabled={isDisabled}
              onClick={() => insertField(item.field)}
            >
              {item.label}
            </button>
          ))}
        </div>
        {problems.length > 0 ? (
          <ul className="field-problems" role="alert">
            {problems.map((problem) => (
              <li key={`${problem.placeholder}-${problem.message}`}>
                <code>{problem.placeholder}</code>: {problem.message}
              </li>
            ))}
          </ul>
        ) : null}
        <p className="segment-counter" data-segments={segments.segments}>
          {segments.encoding} · {segments.units} {segments.encoding === 'GSM-7' ? 'characters' : 'code units'} ·{' '}
          <strong>
            {segments.segments} segment{segments.segments === 1 ? '' : 's'}
          </strong>
          {segments.encoding === 'UCS-2'
            ? ' · an emoji or special character switched this text to UCS-2 (70 per segment)'
            : ''}
          {segments.segments > 1 ? ' · each segment is billed as one text' : ''}
        </p>
      </div>
      <figure className="phone-preview" aria-label="Preview">
        <div className="phone-preview-notch" />
        <div className="phone-preview-header">{business.name}</div>
        <div className="phone-preview-body">
          <div className="phone-preview-bubble" data-testid="opening-preview">
            {preview === '' ? <em>Empty message</em> : <LinkifiedText text={preview} />}
          </div>
          <figcaption>Preview for a caller whose name is not known yet</figcaption>
        </div>
      </figure>
    </div>
  );
}
