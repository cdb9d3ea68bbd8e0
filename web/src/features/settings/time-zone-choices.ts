/**
 * Old names that ICU (78, in Node 20 and Chromium) still lists as canonical, with the names IANA
 * tzdata uses today (links in tzdata 2025c's `backward` file). Each old name still works, so a
 * business saved with one keeps it.
 */
const currentNames: Record<string, string> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/**
 * Lists the time zones an owner can pick, under their current names and sorted. A saved zone
 * missing from the list, such as an old name, is added so the select still shows it.
 */
export function listTimeZoneChoices(saved: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone').map((zone) => currentNames[zone] ?? zone));
  zones.add(saved);
  return [...zones].sort((left, right) => left.localeCompare(right));
}
