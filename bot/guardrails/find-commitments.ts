export interface FoundCommitment {
  text: string;
  index: number;
}

// Prices in dollars, pesos or euros, and discounts in percent.
const pricePatterns = [
  /(?:US\$|\$|USD ?|€)\s?\d[\d,]*(?:\.\d{1,2})?\s?k?\b/gi,
  /\b\d[\d,]*(?:\.\d{1,2})?\s?(?:dollars?|bucks|usd|pesos|euros?|€)(?![\p{L}])/giu,
  /\b\d{1,3}\s?%(?:\s?(?:off|discount|descuento))?/gi,
];
// Promises a business must decide on itself: free work, guarantees, refunds, fixed timings.
const promisePattern = new RegExp(
  '\\b(?:free(?: of charge)?|no charge|gratis|guarantee[ds]?|guaranteed|warrant(?:y|ies)|' +
    'promise[ds]?|discount(?:s|ed)?|refund(?:s|ed)?|same[- ]day|within (?:\\d+|an?|one|two) ' +
    '(?:minutes?|hours?|days?)|garantizado|garant[ií]a)\\b',
  'giu',
);

/**
 * Finds prices, discounts and promises (free, guaranteed, refund, same-day, "within 2 hours")
 * in a text. Overlapping finds are reported once, earliest first.
 */
export function findCommitments(text: string): FoundCommitment[] {
  const found: FoundCommitment[] = [];
  for (const pattern of [...pricePatterns, promisePattern]) {
    for (const match of text.matchAll(pattern)) {
      found.push({ text: match[0].trim(), index: match.index });
    }
  }
  found.sort((left, right) => left.index - right.index);
  return found.filter(
    (item, position) =>
      position === 0 ||
      item.index >= (found[position - 1]?.index ?? 0) + (found[position - 1]?.text.length ?? 0),
  );
}

/** Normalises a commitment for comparison, so "$ 89" and "$89" are the same price. */
export function commitmentKey(text: string): string {
  return text.toLowerCase().replace(/[\s,]+/g, '');
}
