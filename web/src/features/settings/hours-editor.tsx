import { weekdays } from './settings-api.ts';
import type { OpeningRange, Settings, Weekday } from './settings-api.ts';

const dayLabels: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export interface HoursEditorProps {
  hours: Settings['hours'];
  onChange: (hours: Settings['hours']) => void;
  isDisabled: boolean;
}

/** Opening hours, one range per weekday (the server accepts up to four; extra ones are kept). */
export function HoursEditor({ hours, onChange, isDisabled }: HoursEditorProps) {
  const setDay = (day: Weekday, ranges: OpeningRange[]) => onChange({ ...hours, [day]: ranges });
  return (
    <table className="hours-table">
      <tbody>
        {weekdays.map((day) => {
          const ranges = hours[day] ?? [];
          const first = ranges[0];
          return (
            <tr key={day}>
              <th scope="row">{dayLabels[day]}</th>
              <td>
                <label className="toggle-inline">
                  <input
                    type="checkbox"
                    checked={first !== undefined}
                    disabled={isDisabled}
                    onChange={(event) => setDay(day, event.target.checked ? [{ open: '09:00', close: '17:00' }] : [])}
                  />
                  {first ? 'Open' : 'Closed'}
                </label>
              </td>
              <td>
                {first ? (
                  <span className="hours-range">
                    <input
                      type="time"
                      aria-label={`${dayLabels[day]} opens`}
                      value={first.open}
                      disabled={isDisabled}
                      onChange={(event) => setDay(day, [{ ...first, open: event.target.value }, ...ranges.slice(1)])}
                    />
                    to
                    <input
                      type="time"
                      aria-label={`${dayLabels[day]} closes`}
                      value={first.close}
                      disabled={isDisabled}
                      onChange={(event) => setDay(day, [{ ...first, close: event.target.value }, ...ranges.slice(1)])}
                    />
                    {ranges.length > 1 ? <span className="lead-muted">+{ranges.length - 1} more</span> : null}
                  </span>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
