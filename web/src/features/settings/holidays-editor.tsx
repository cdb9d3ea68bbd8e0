import { useState } from 'react';
import type { Holiday } from './settings-api.ts';

export interface HolidaysEditorProps {
  holidays: Holiday[];
  onChange: (holidays: Holiday[]) => void;
  isDisabled: boolean;
}

/** Days the business is closed all day, such as public holidays. */
export function HolidaysEditor({ holidays, onChange, isDisabled }: HolidaysEditorProps) {
  const [date, setDate] = useState('');
  const [name, setName] = useState('');

  const add = () => {
    if (date === '' || holidays.some((holiday) => holiday.date === date)) {
      return;
    }
    onChange([...holidays, { date, name: name.trim() }].sort((a, b) => a.date.localeCompare(b.date)));
    setDate('');
    setName('');
  };

  return (
    <div className="holidays">
      {holidays.length === 0 ? <p className="lead-empty">No holidays yet.</p> : null}
      <ul>
        {holidays.map((holiday) => (
          <li key={holiday.date}>
            <span className="holiday-date">{holiday.date}</span>
            <span>{holiday.name || 'Closed'}</span>
            <button
              type="button"
              className="button-danger"
              disabled={isDisabled}
              onClick={() => onChange(holidays.filter((item) => item.date !== holiday.date))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div className="holiday-add">
        <input type="date" aria-label="Holiday date" value={date} disabled={isDisabled} onChange={(event) => setDate(event.target.value)} />
        <input
          type="text"
          aria-label="Holiday name"
          placeholder="Name, such as Thanksgiving"
          value={name}
          disabled={isDisabled}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="button" className="button" disabled={isDisabled || date === ''} onClick={add}>
          Add holiday
        </button>
      </div>
    </div>
  );
}
