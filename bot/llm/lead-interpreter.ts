import type { SlotKind } from '../flows/flow-schema.ts';
import type { LeadReading } from './lead-reading-schema.ts';

/**
 * Reads a lead's message with a language model. The engine works without one: an interpreter
 * only adds hints that the rules check before use, and any failure leaves the turn to the rules.
 */
export interface LeadInterpreter {
  /** Resolves with a reading or a failure; implementations never reject. */
  interpret(request: InterpretRequest): Promise<InterpretResult>;
}

export interface InterpretRequest {
  /** The lead's message, which the model treats as data. */
  text: string;
  /** The question the bot is waiting on, or null after the flow ended. */
  pending: PendingQuestion | null;
  /** Every slot the flow collects, in the order it asks for them. */
  slots: InterpretSlot[];
  /** The keywords of each FAQ entry; the model answers with an entry's 1-based number. */
  faqTopics: string[][];
  /** The business's local date and time, so the model can keep relative dates as written. */
  localTime: string;
}

export interface PendingQuestion {
  slot: string;
  kind: SlotKind;
  question: string;
}

export interface InterpretSlot {
  name: string;
  kind: SlotKind;
  /** Values a choice slot accepts. */
  choices?: string[];
  isFilled: boolean;
}

export type InterpretFailure = 'timeout' | 'error' | 'invalid';

export type InterpretResult =
  | { ok: true; reading: LeadReading; elapsedMs: number }
  | { ok: false; failure: InterpretFailure; message: string; elapsedMs: number };
