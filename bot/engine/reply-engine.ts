/**
 * The contract between the server and whatever writes the bot's replies. The server owns
 * storage and sending; an engine only reads a turn and returns what to say and the new state,
 * so another engine (a bridge to a hosted bot, say) can replace the flow interpreter.
 */
export type SlotValue = string | number | boolean | null;

export interface ConversationContext {
  business: {
    name: string;
    phoneNumber: string;
    bookingLink: string | null;
    timeZone: string;
    /**
     * Weekly opening hours in the business time zone, for `open_now` branch rules. A day that is
     * missing is closed; when the whole field is missing the business counts as always open.
     */
    hours?: WeeklyHours;
  };
  contact: {
    phone: string;
    name: string | null;
    email: string | null;
  };
  now: Date;
  /** Set when the lead left a voicemail on the call that started the conversation. */
  voicemail?: { transcript: string | null };
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Opening periods per weekday as 24-hour `HH:MM` times, such as `{ mon: [{ open: '08:00', close: '17:00' }] }`. */
export type WeeklyHours = Partial<Record<Weekday, { open: string; close: string }[]>>;

export interface BotState {
  flowId: string;
  flowVersion: string;
  /** The step waiting for the lead's answer; null once the flow has ended. */
  stepId: string | null;
  slots: Record<string, SlotValue>;
  /** Failed answers to the current step, for its retry limit. */
  attempts: number;
  /**
   * Set by the server when staff hand a finished conversation back to the bot, so the lead's
   * next text picks the flow up again instead of going straight back to staff.
   */
  isHandedBack?: boolean;
}

export type BotOutcome = 'qualified' | 'needs_human' | 'discarded';

export interface BotLogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  stepId?: string;
  data?: Record<string, SlotValue>;
}

export interface TurnRequest {
  /** The lead's message; an empty string when only media arrived. */
  text: string;
  /** Pictures or other attachments that came with the text; their URLs never reach the engine. */
  mediaCount?: number;
  /** Null on the lead's first reply after the text back. */
  state: BotState | null;
  context: ConversationContext;
}

export interface TurnResult {
  replies: string[];
  state: BotState;
  /** Set when this turn ended the bot's part of the conversation. */
  outcome: BotOutcome | null;
  handoffReason: string | null;
  /** Why the lead was discarded ("Wrong number", "Spam"), set with outcome `discarded`. */
  discardReason?: string | null;
  /** The collected details in one line for staff, such as "Ana Ruiz · leaking water heater · ZIP 60614". */
  summary?: string;
  log: BotLogEntry[];
}

export interface ReplyEngine {
  handleTurn(request: TurnRequest): Promise<TurnResult>;
}
