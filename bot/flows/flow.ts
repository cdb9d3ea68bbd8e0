import type {
  FaqEntry,
  FlowSettings,
  FlowStep,
  SlotKind,
} from './flow-schema.ts';

/** A validated flow, ready for the interpreter. */
export interface Flow {
  id: string;
  /** The owner's label from the file, such as "3" or "2025-03". */
  version: string;
  /**
   * A hash of the parsed content. Conversations store it as `BotState.flowVersion`, so an edit
   * to the file (even without a new `version` label) starts a new version.
   */
  hash: string;
  name: string;
  /** The file the flow came from, for problems and logs. */
  file: string;
  start: string;
  settings: FlowSettings;
  faq: FaqEntry[];
  steps: ReadonlyMap<string, FlowStep>;
  /** Each declared slot with the kind its ask step collects, or null when only `set` fills it. */
  slots: ReadonlyMap<string, SlotKind | null>;
}
