/** Formats +15555550104 as (555) 555-0104; other numbers are returned unchanged. */
export function formatPhone(phone: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phone);
  return match ? `(${match[1]}) ${match[2]}-${match[3]}` : phone;
}

/** The contact's name, or their formatted number while the bot has not learned the name. */
export function displayName(contact: { name: string | null; phone: string }): string {
  return contact.name ?? formatPhone(contact.phone);
}
