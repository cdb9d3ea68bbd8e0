import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * IANA zones of countries that use one time zone, keyed by ISO 3166 code. Countries with
 * several zones (US, CA, MX, BR, AU, RU and others) are absent on purpose.
 */
const singleZoneCountries: Record<string, string> = {
  GB: 'Europe/London',
  IE: 'Europe/Dublin',
  FR: 'Europe/Paris',
  DE: 'Europe/Berlin',
  ES: 'Europe/Madrid',
  IT: 'Europe/Rome',
  NL: 'Europe/Amsterdam',
  BE: 'Europe/Brussels',
  CH: 'Europe/Zurich',
  AT: 'Europe/Vienna',
  SE: 'Europe/Stockholm',
  NO: 'Europe/Oslo',
  DK: 'Europe/Copenhagen',
  FI: 'Europe/Helsinki',
  PL: 'Europe/Warsaw',
  CZ: 'Europe/Prague',
  GR: 'Europe/Athens',
  IL: 'Asia/Jerusalem',
  AE: 'Asia/Dubai',
  IN: 'Asia/Kolkata',
  SG: 'Asia/Singapore',
  JP: 'Asia/Tokyo',
  KR: 'Asia/Seoul',
  PH: 'Asia/Manila',
  ZA: 'Africa/Johannesburg',
  PR: 'America/Puerto_Rico',
  JM: 'America/Jamaica',
  CO: 'America/Bogota',
  PE: 'America/Lima',
  NZ: 'Pacific/Auckland',
};

/**
 * Picks the time zone the lead most likely lives in: the business's zone when the number is
 * from the business's own country, else the zone of a single-zone country, else the business's.
 */
export function findLeadTimeZone(leadPhone: string, businessPhone: string, businessTimeZone: string): string {
  const leadCountry = parsePhoneNumberFromString(leadPhone)?.country;
  const businessCountry = parsePhoneNumberFromString(businessPhone)?.country;
  if (!leadCountry || leadCountry === businessCountry) {
    // NOTE: within a multi-zone country (a Los Angeles lead of a New York business) this uses the
    // business's zone, because the number's area code is not mapped to a zone here.
    return businessTimeZone;
  }
  return singleZoneCountries[leadCountry] ?? businessTimeZone;
}
