import { z } from 'zod';
import { findTemplateProblems } from '../../bot/templates/render-template.ts';

/** Domain events a workflow can start on. `manual` workflows start only from a step or the API. */
export const workflowTriggers = [
  'missed_call',
  'text_back_sent',
  'lead_replied',
  'no_reply',
  'qualified',
  'booked',
  'handed_to_human',
  'opted_out',
  'manual',
] as const;
export type WorkflowTrigger = (typeof workflowTriggers)[number];

/** Conditions that stop a run before its next step; all apply unless a workflow lists fewer. */
export const stopConditions = ['replied', 'booked', 'opted_out', 'human_took_over', 'closed'] as const;
export type StopCondition = (typeof stopConditions)[number];

const durationPattern = /^(\d+)\s*(m|min|h|d)$/;

/** A duration such as `30m`, `2h` or `1d`, parsed to milliseconds. */
export const durationSchema = z
  .string()
  .trim()
  .regex(durationPattern, 'Use a duration such as 30m, 2h or 1d')
  .transform((value) => parseDurationMs(value));

const templateSchema = z
  .string()
  .trim()
  .min(1, 'The message is empty')
  .max(640, 'The message is longer than 640 characters')
  .superRefine((template, ctx) => {
    for (const problem of findTemplateProblems(template)) {
      ctx.addIssue({ code: 'custom', message: `${problem.message} (in ${problem.placeholder})` });
    }
  });

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use 24-hour HH:MM');

const waitStepSchema = z
  .object({
    type: z.literal('wait'),
    /** A fixed duration, measured in elapsed time (a DST change neither lengthens nor shortens it). */
    for: durationSchema.optional(),
    /** `business_open` waits for the business's next open hour, `next_morning` for `at` tomorrow. */
    until: z.enum(['business_open', 'next_morning']).optional(),
    /** Wall-clock time in the lead's time zone for `next_morning`; default 09:00. */
    at: clockTime.default('09:00'),
  })
  .refine((step) => (step.for === undefined) !== (step.until === undefined), {
    message: 'A wait step needs exactly one of "for" or "until"',
  });

const sendSmsStepSchema = z.object({
  type: z.literal('send_sms'),
  template: templateSchema,
});

const notifyStepSchema = z.object({
  type: z.literal('notify'),
  /** `on_call` is the business's on-call person; `assignee` the conversation's staff member. */
  to: z.enum(['on_call', 'assignee']).default('on_call'),
  channels: z.array(z.enum(['sms', 'email', 'inbox'])).min(1).default(['sms', 'email', 'inbox']),
  message: templateSchema,
});

const assignStepSchema = z.object({
  type: z.literal('assign'),
  to: z.enum(['on_call']).or(z.uuid('Use "on_call" or a user id')),
});

const tagStepSchema = z
  .object({
    type: z.literal('tag'),
    add: z.array(tagName()).default([]),
    remove: z.array(tagName()).default([]),
  })
  .refine((step) => step.add.length + step.remove.length > 0, { message: 'A tag step adds or removes a tag' });

const sequenceStepSchema = z.object({
  type: z.enum(['add_to_sequence', 'remove_from_sequence']),
  workflow: z.string().regex(/^[a-z0-9-]+$/, 'Use the key of a workflow'),
});

export const workflowStepSchema = z.discriminatedUnion('type', [
  waitStepSchema,
  sendSmsStepSchema,
  notifyStepSchema,
  assignStepSchema,
  tagStepSchema,
  sequenceStepSchema,
]);
export type WorkflowStep = z.infer<typeof workflowStepSchema>;

/** An owner's rule that removes a lead from the workflow; any one field that matches removes. */
const removalRuleSchema = z
  .object({
    has_tag: tagName().optional(),
    message_contains: z.array(z.string().trim().min(1).max(80)).min(1).optional(),
    outcome: z.array(z.enum(['qualified', 'needs_human', 'discarded'])).min(1).optional(),
  })
  .strict()
  .refine((rule) => Object.values(rule).some((value) => value !== undefined), {
    message: 'A removal rule needs has_tag, message_contains or outcome',
  });
export type RemovalRule = z.infer<typeof removalRuleSchema>;

const triggerSchema = z.union([
  z.enum(workflowTriggers).transform((event) => ({ event, after: null, when: null })),
  z.object({
    event: z.enum(workflowTriggers),
    /** Only for `no_reply`: how long after the text back the lead has been silent. */
    after: durationSchema.optional().transform((value) => value ?? null),
    /** Only for `handed_to_human`: which hand-offs start the workflow. */
    when: z.array(z.enum(['urgent', 'asked_for_person'])).min(1).optional().transform((value) => value ?? null),
  }),
]);

export const workflowDefinitionSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/, 'Use lowercase letters, digits and dashes').max(60),
    name: z.string().trim().min(1).max(120),
    enabled: z.boolean().default(true),
    trigger: triggerSchema,
    stop_when: z.array(z.enum(stopConditions)).default([...stopConditions]),
    remove_when: z.array(removalRuleSchema).max(20).default([]),
    steps: z.array(workflowStepSchema).max(30).default([]),
  })
  .strict()
  .superRefine((definition, ctx) => {
    if (definition.trigger.event === 'no_reply' && definition.trigger.after === null) {
      ctx.addIssue({ code: 'custom', path: ['trigger', 'after'], message: 'no_reply needs "after", such as 2h' });
    }
    if (definition.enabled && definition.steps.every((step) => step.type === 'wait')) {
      ctx.addIssue({ code: 'custom', path: ['steps'], message: 'The workflow has no step that does anything' });
    }
  });
export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;

export function parseDurationMs(value: string): number {
  const match = durationPattern.exec(value.trim());
  const amount = Number(match?.[1] ?? 0);
  const unit = match?.[2] ?? 'm';
  const unitMs = unit === 'd' ? 86_400_000 : unit === 'h' ? 3_600_000 : 60_000;
  return amount * unitMs;
}

function tagName() {
  return z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'Use a tag such as do-not-nurture');
}
