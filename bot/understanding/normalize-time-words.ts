/**
 * Rewrites SMS shorthand, common misspellings and Spanish date words into English that
 * chrono-node's English parser reads ("tmrw" and "mañana" both become "tomorrow").
 */
export function normalizeTimeWords(text: string): string {
  let normalized = ` ${text.normalize('NFC').toLowerCase()} `;
  for (const [pattern, replacement] of replacements) {
    normalized = normalized.replace(pattern, replacement);
  }
  return normalized.replace(/\s+/g, ' ').trim();
}

const weekdays: [string, string][] = [
  ['lunes', 'monday'],
  ['martes', 'tuesday'],
  ['miercoles', 'wednesday'],
  ['miércoles', 'wednesday'],
  ['jueves', 'thursday'],
  ['viernes', 'friday'],
  ['sabado', 'saturday'],
  ['sábado', 'saturday'],
  ['domingo', 'sunday'],
];

// Order matters: Spanish phrases with "mañana" meaning morning go before "mañana" as tomorrow.
const replacements: [RegExp, string][] = [
  [/\b(?:around|about|approx|approximately|like|at about|at around)\s+(?=\d|noon)/g, ' at '],
  // "after 2" and "by 5" name the time to start from.
  [/\b(?:after|by|from)\s+(?=\d{1,2}(?::\d{2})?\s*(?:am|pm|a|p)?\b(?!\s*(?:days?|weeks?|hours?)))/g, ' at '],
  [/\b(?:por|en) la (?:mañana|manana)\b/g, ' morning '],
  [/\b(?:por|en) la tarde\b/g, ' afternoon '],
  [/\b(?:por|en) la noche\b/g, ' evening '],
  [/\bpasado (?:mañana|manana)\b/g, ' in 2 days '],
  [/\b(?:mañana|manana)\b/g, ' tomorrow '],
  [/\bhoy\b/g, ' today '],
  [/\besta (?:tarde)\b/g, ' this afternoon '],
  [/\besta noche\b/g, ' tonight '],
  [/\b(?:el )?(?:proximo|próximo|que viene)\b/g, ' next '],
  [/\ba las\b/g, ' at '],
  [/\ba la\b/g, ' at '],
  [/\bmediod[ií]a\b/g, ' noon '],
  ...weekdays.map(([spanish, english]): [RegExp, string] => [
    new RegExp(`\\b(?:el )?${spanish}\\b`, 'g'),
    ` ${english} `,
  ]),
  [/\b(?:tmrw|tmrrw|tmr|tmw|tmro|tmrow|2moro|2morrow|2mrw)\b/g, ' tomorrow '],
  [/\b(?:tomoro|tomorow|tommorow|tommorrow|tomorrw|tomorroe|tomrrow|tomorro)\b/g, ' tomorrow '],
  [/\b(?:2day|tday|tdy)\b/g, ' today '],
  [/\b(?:tonite|2nite|tnite)\b/g, ' tonight '],
  [/\b(?:nxt)\b/g, ' next '],
  [/\b(?:mornin|morn|mornig|moring)\b/g, ' morning '],
  [/\b(?:aftn|aft|afternon|afternoom|afternooon)\b/g, ' afternoon '],
  [/\b(?:evenin|evning|evenning)\b/g, ' evening '],
  [/\b(?:wknd|weeknd)\b/g, ' weekend '],
  [/\b(?:thur|thrs|thurs)\b/g, ' thursday '],
  [/\b(?:wed|weds)\b/g, ' wednesday '],
  [/\b(?:tue|tues)\b/g, ' tuesday '],
  [/\b(\d{1,2}(?::\d{2})?)\s*(a|p)\.?m?\.?(?=\s)/g, ' $1$2m '],
];
