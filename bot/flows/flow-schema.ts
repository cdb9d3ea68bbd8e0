import { z } from 'zod';

/**
 * The flow language as owners write it in YAML. Parsing with these schemas checks shapes only;
 * `checkFlow` then checks references between steps, templates and loops.
 */
export const slotKinds = [
  'text',
  'name',
  'phone',
  'email',
  'datetime',
  'address',
  'zip',
  'yesno',
  'choice',
  'number',
] as const;

export type SlotKind = (typeof slotKinds)[number];

export const stepTypes = ['message', 'ask', 'branch', 'booking', 'handoff', 'end'] as const;

const stepIdSchema = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_-]*$/,
    'must start with a letter and contain only letters, digits, _ or -',
  );

const slotNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case, for example preferred_time');

const textSchema = z.string().trim().min(1, 'must not be empty');
const slotValueSchema = z.union([z.string(), z.number(), z.boolean()]);

/** Slot values a step assigns when it runs, such as `{ urgency: emergency }`. */
const setSchema = z.record(slotNameSchema, slotValueSchema).optional();

const choiceSchema = z
  .union([
    z.string().trim().min(1),
    z.strictObject({
      value: z.string().trim().min(1),
      label: z.string().trim().min(1).optional(),
      synonyms: z.array(z.string().trim().min(1)).optional(),
    }),
  ])
  .transform((choice) =>
    typeof choice === 'string'
      ? { value: choice, label: choice, synonyms: [] }
      : {
          value: choice.value,
          label: choice.label ?? choice.value,
          synonyms: choice.synonyms ?? [],
        },
  );

export type FlowChoice = z.output<typeof choiceSchema>;

const messageStepSchema = z.strictObject({
  id: stepIdSchema,
  type: z.literal('message'),
  text: textSchema,
  next: stepIdSchema,
  set: setSchema,
});

const askStepSchema = z.strictObject({
  id: stepIdSchema,
  type: z.literal('ask'),
  slot: slotNameSchema,
  kind: z.enum(slotKinds, {
    error: (issue) =>
      `unknown slot kind ${JSON.stringify(issue.input)}; use one of ${slotKinds.join(', ')}`,
  }),
  /** Optional only on the start step, whose question is the server's opening text. */
  prompt: textSchema.optional(),
  reprompt: textSchema.optional(),
  retries: z.int().min(0).max(5).optional(),
  choices: z.array(choiceSchema).min(2, 'needs at least two choices').optional(),
  next: stepIdSchema,
  on_fail: stepIdSchema.optional(),
});

export const branchOperators = [
  'equals',
  'one_of',
  'filled',
  'mentions',
  'contains_any',
  'zip_in',
  'open_now',
] as const;

const branchRuleSchema = z
  .strictObject({
    slot: slotNameSchema.optional(),
    equals: slotValueSchema.optional(),
    one_of: z.array(slotValueSchema).min(1).optional(),
    filled: z.boolean().optional(),
    mentions: z
      .enum(['emergency'], { error: () => 'mentions supports only "emergency"' })
      .optional(),
    contains_any: z.array(z.string().trim().min(1)).min(1).optional(),
    /** ZIP codes or ZIP prefixes of the service area. */
    zip_in: z
      .array(z.string().regex(/^\d{1,5}$/, 'must be a ZIP code or the first digits of one'))
      .min(1)
      .optional(),
    /** True while the business is open by its weekly hours, false outside them. */
    open_now: z.boolean().optional(),
    next: stepIdSchema,
  })
  .refine((rule) => branchOperators.filter((name) => rule[name] !== undefined).length === 1, {
    message: `each rule needs exactly one of ${branchOperators.join(', ')}`,
  })
  .refine((rule) => (rule.open_now === undefined) === (rule.slot !== undefined), {
    message: 'a rule needs a slot, except an open_now rule, which takes none',
  });

export type BranchRule = z.output<typeof branchRuleSchema>;

const branchStepSchema = z.strictObject({
  id: stepIdSchema,
  type: z.literal('branch'),
  when: z.array(branchRuleSchema).min(1, 'needs at least one rule'),
  default: stepIdSchema,
  set: setSchema,
});

const bookingStepSchema = z.strictObject({
  id: stepIdSchema,
  type: z.literal('booking'),
  text: textSchema,
  /** Sent instead of `text` when the business has no booking link. */
  no_link_text: textSchema.optional(),
  set: setSchema,
});

const handoffStepSchema = z.strictObject({
  id: stepIdSchema,
  type: z.literal('handoff'),
  text: textSchema,
  reason: textSchema,
  set: setSchema,
});

const endStepSchema = z.strictObject({
  id: stepIdSchema,
  type: z.literal('end'),
  text: textSchema.optional(),
  /** Why a discarded lead was discarded, shown to staff. */
  reason: textSchema.optional(),
  outcome: z.enum(['qualified', 'discarded'], {
    error: () => 'outcome must be qualified or discarded (use a handoff step for a person)',
  }),
  set: setSchema,
});

export const stepSchema = z.discriminatedUnion(
  'type',
  [
    messageStepSchema,
    askStepSchema,
    branchStepSchema,
    bookingStepSchema,
    handoffStepSchema,
    endStepSchema,
  ],
  { error: () => `unknown step type; use one of ${stepTypes.join(', ')}` },
);

export type FlowStep = z.output<typeof stepSchema>;
export type AskStep = z.output<typeof askStepSchema>;
export type BranchStep = z.output<typeof branchStepSchema>;

const messagesSchema = z.strictObject({
  handoff: textSchema.default('Thanks! Someone from {{business.name}} will text you shortly.'),
  human_request: textSchema.default(
    'Sure thing. Someone from {{business.name}} will reach out shortly.',
  ),
  wrong_number: textSchema.default('Sorry for the mix-up, thanks for letting us know!'),
  not_interested: textSchema.default('No problem, thanks for letting us know!'),
  updated: textSchema.default('Got it, I updated that.'),
  media_received: textSchema.default('Thanks for the picture!'),
});

const settingsSchema = z.strictObject({
  max_segments: z.int().min(1).max(10).default(3),
  max_retries: z.int().min(0).max(5).default(2),
  slot_max_length: z.int().min(10).max(200).default(60),
  messages: messagesSchema.default(() => messagesSchema.parse({})),
});

export type FlowSettings = z.output<typeof settingsSchema>;

const faqEntrySchema = z.strictObject({
  keywords: z.array(z.string().trim().min(1)).min(1, 'needs at least one keyword'),
  answer: textSchema,
});

export type FaqEntry = z.output<typeof faqEntrySchema>;

export const flowFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lowercase letters, digits, _ or -'),
  version: z.union([z.string().trim().min(1), z.number()]).transform(String),
  name: textSchema,
  start: stepIdSchema,
  settings: settingsSchema.default(() => settingsSchema.parse({})),
  faq: z.array(faqEntrySchema).default([]),
  steps: z.array(stepSchema).min(1, 'needs at least one step'),
});

export type FlowFile = z.output<typeof flowFileSchema>;
