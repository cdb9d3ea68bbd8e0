const emailPattern = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/i;

export interface EmailMatch {
  value: string;
  matchedText: string;
}

/**
 * Finds the first e-mail address in a message and lowercases it. When none is written plainly,
 * it retries with the phone-typing slips "gmail,com" and "gmail. com" repaired and with " at "
 * and " dot " spelled out ("ana at gmail dot com").
 */
export function parseEmail(text: string): EmailMatch | null {
  const repaired = text.replace(/@([a-z0-9-]+)\s*[,.]\s*([a-z]{2,})\b/gi, '@$1.$2');
  const spelledOut = repaired
    .replace(/\s*(?:\[at\]|\(at\)|\bat\b)\s*/gi, '@')
    .replace(/\s*(?:\[dot\]|\(dot\)|\bdot\b)\s*/gi, '.');
  const match = emailPattern.exec(repaired) ?? emailPattern.exec(spelledOut);
  if (match === null) {
    return null;
  }
  return { value: match[0].toLowerCase(), matchedText: match[0] };
}
