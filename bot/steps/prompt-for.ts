import type { AskStep, SlotKind } from '../flows/flow-schema.ts';

const defaultReprompts: Record<SlotKind, string> = {
  text: 'Sorry, could you tell me a bit more?',
  name: 'Sorry, what name should we put this under?',
  phone: "Sorry, I didn't catch that number. What's the best number to reach you?",
  email: "Sorry, that doesn't look like an email address. Could you send it again?",
  datetime: 'Sorry, what day and time work for you? Something like "tomorrow at 3pm" works.',
  address: 'Sorry, what is the street address, like "123 Main St"?',
  zip: 'Sorry, what is the 5-digit ZIP code?',
  yesno: 'Sorry, is that a yes or a no?',
  choice: 'Sorry, which one? You can reply with the number.',
  number: 'Sorry, could you reply with a number?',
};

/** Returns an ask step's question, or its reprompt when it has none (allowed on the start step). */
export function promptFor(step: AskStep): string {
  return step.prompt ?? repromptFor(step);
}

/**
 * Returns the step's question for asking it again without a failed answer, as after a picture.
 * A step without a prompt (the start step) uses its reprompt without the leading apology.
 */
export function questionFor(step: AskStep): string {
  if (step.prompt !== undefined) {
    return step.prompt;
  }
  const question = repromptFor(step).replace(/^sorry[,.!]?\s*/i, '');
  return question.charAt(0).toUpperCase() + question.slice(1);
}

/** Returns the text sent after an answer the step could not read. */
export function repromptFor(step: AskStep): string {
  return step.reprompt ?? defaultReprompts[step.kind];
}
