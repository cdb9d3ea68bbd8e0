/** Labels for a conversation's outcome as the server stores it, shown wherever it appears. */
const outcomeLabels: Partial<Record<string, string>> = {
  qualified: 'Booking link sent',
  needs_human: 'Needs a human',
  discarded: 'Not a lead',
};

/** Returns the label for an outcome such as `needs_human`; an unknown one reads as words. */
export function describeOutcome(outcome: string): string {
  return outcomeLabels[outcome] ?? sentenceCase(outcome);
}

/** Turns an identifier such as `called_back` or `step.skipped` into "Called back". */
export function sentenceCase(identifier: string): string {
  const words = identifier.replace(/[._-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
