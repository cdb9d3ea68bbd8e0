const numberWords: Record<string, number> = {
  zero: 0,
  none: 0,
  one: 1,
  single: 1,
  two: 2,
  couple: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  uno: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
};

/** Reads the first number in a message, as digits ("2.5", "1,200") or a word up to twelve. */
export function parseNumber(text: string): number | null {
  const digits = /-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?/.exec(text);
  if (digits !== null) {
    return Number(digits[0].replace(/,/g, ''));
  }
  for (const word of text.toLowerCase().split(/[^a-záéíóúñ]+/)) {
    const value = numberWords[word];
    if (value !== undefined) {
      return value;
    }
  }
  return null;
}
