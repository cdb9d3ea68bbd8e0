import { useRef } from 'react';
import { LinkifiedText } from '../../lib/linkified-text.tsx';
import { findOpeningMessageProblems } from './opening-message-problems.ts';
import { renderPreviewParts } from './render-preview-parts.ts';
import { SegmentCounter } from './segment-counter.tsx';

const fields = [
  { field: 'contact.first_name | "there"', label: 'First name' },
  { field: 'contact.name', label: 'Full name' },
  { field: 'business.name', label: 'Business name' },
  { field: 'business.phone', label: 'Business phone' },
  { field: 'business.booking_link', label: 'Booking link' },
] as const;

export interface OpeningMessageEditorProps {
  /** The textarea's accessible name, such as "Opening message". */
  label: string;
  value: string;
  onChange: (value: string) => void;
  business: { name: string; phoneNumber: string; bookingLink: string | null };
  isDisabled: boolean;
  /** Whether the message must have text. An empty optional message previews as `emptyPreview`. */
  isRequired: boolean;
  emptyPreview?: string;
  placeholder?: string;
}

/**
 * An opening message template with a field picker, a preview rendered as the lead would see it
 * on a phone, and the SMS segment count the carrier bills. Used for the opening message and the
 * after-hours one. The caller blocks saving while `findOpeningMessageProblems` lists problems.
 */
export function OpeningMessageEditor(props: OpeningMessageEditorProps) {
  const { value, onChange, business, isDisabled } = props;
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const problems = findOpeningMessageProblems(value, { isRequired: props.isRequired });
  const previewFields = {
    'business.name': business.name,
    'business.phone': business.phoneNumber,
    'business.booking_link': business.bookingLink,
    'contact.first_name': null,
    'contact.name': null,
    'contact.phone': '+15555550123',
  };
  const parts = renderPreviewParts(value, previewFields, problems);
  const previewText = parts.map((part) => (part.kind === 'text' ? part.text : part.placeholder)).join('');

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
          aria-label={props.label}
          aria-invalid={problems.length > 0}
          rows={5}
          value={value}
          placeholder={props.placeholder}
          disabled={isDisabled}
          onChange={(event) => onChange(event.target.value)}
        />
        <div className="field-picker" role="group" aria-label={`Insert a field into the ${props.label.toLowerCase()}`}>
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
                {problem.placeholder === '' ? null : <code>{problem.placeholder}</code>}
                {problem.placeholder === '' ? problem.message : `: ${problem.message}`}
              </li>
            ))}
          </ul>
        ) : null}
        {value.trim() === '' && !props.isRequired ? null : (
          <SegmentCounter text={previewText} isValid={problems.length === 0} />
        )}
      </div>
      <figure className="phone-preview" aria-label={`Preview of the ${props.label.toLowerCase()}`}>
        <div className="phone-preview-notch" />
        <div className="phone-preview-header">{business.name}</div>
        <div className="phone-preview-body">
          <div className="phone-preview-bubble" data-testid="opening-preview">
            {value.trim() === '' ? (
              <em>{props.emptyPreview ?? 'Empty message'}</em>
            ) : (
              parts.map((part, index) =>
                part.kind === 'text' ? (
                  <LinkifiedText key={index} text={part.text} />
                ) : (
                  <mark key={index} className="preview-unknown-field" title="Unknown field: the server rejects this message">
                    {part.placeholder}
                  </mark>
                ),
              )
            )}
          </div>
          <figcaption>Preview for a caller whose name is not known yet</figcaption>
        </div>
      </figure>
    </div>
  );
}
