import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { AppContext } from '../app-context.ts';
import { findBusinessById } from '../businesses/business-repo.ts';
import type { Business } from '../businesses/business.ts';
import type { Call } from '../calls/call-repo.ts';
import { updateCall } from '../calls/call-repo.ts';
import { calls, events } from '../db/schema.ts';
import { recordEvent } from '../events/event-repo.ts';
import { sendTextBack } from '../text-back/send-text-back.ts';
import { delayedTextBackJob } from './automation.ts';

/**
 * Schedules a claimed missed call's text back `delayMs` later, so the business can call back
 * first. The call is marked `delayed`, which the start-up sweep of pending text backs ignores.
 */
export async function delayTextBack(ctx: AppContext, business: Business, call: Call, delayMs: number): Promise<void> {
  const jobs = ctx.automation?.jobs;
  if (!jobs) {
    throw new Error('A delayed text back needs the job scheduler');
  }
  await updateCall(ctx.db, call.id, { textBackStatus: 'delayed' });
  const dueAt = new Date(ctx.now().getTime() + delayMs);
  await jobs.schedule(delayedTextBackJob, dueAt, { callId: call.id });
  await recordEvent(ctx.db, {
    businessId: business.id,
    callId: call.id,
    type: 'text_back.delayed',
    data: { dueAt: dueAt.toISOString(), delaySeconds: Math.round(delayMs / 1000) },
  });
}

/**
 * The `delayed-text-back` job: sends the text back unless, during the delay, a call from the
 * caller was answered or the business reported an outbound call to them.
 */
export async function runDelayedTextBack(ctx: AppContext, callId: string): Promise<void> {
  const claimed = await ctx.db
    .update(calls)
    .set({ textBackStatus: 'pending', updatedAt: new Date() })
    .where(and(eq(calls.id, callId), eq(calls.textBackStatus, 'delayed')))
    .returning();
  const call = claimed[0] as Call | undefined;
  if (!call) {
    return;
  }
  const business = await findBusinessById(ctx.db, call.businessId);
  if (!business) {
    return;
  }
  const calledBack = await findCallBack(ctx, call);
  if (calledBack) {
    await updateCall(ctx.db, call.id, { textBackStatus: 'skipped', textBackReason: calledBack });
    await recordEvent(ctx.db, {
      businessId: business.id,
      callId: call.id,
      conversationId: call.conversationId,
      type: 'text_back.skipped',
      data: { reason: calledBack },
    });
    ctx.log.info({ businessId: business.id, callId: call.id, reason: calledBack }, 'delayed text back cancelled');
    return;
  }
  await sendTextBack(ctx, business, call);
}

async function findCallBack(ctx: AppContext, call: Call): Promise<'answered_call' | 'called_back' | null> {
  if (!call.callerNumber) {
    return null;
  }
  const answered = await ctx.db
    .select({ id: calls.id })
    .from(calls)
    .where(
      and(
        eq(calls.businessId, call.businessId),
        eq(calls.callerNumber, call.callerNumber),
        eq(calls.status, 'answered'),
        gt(calls.createdAt, call.createdAt),
      ),
    )
    .limit(1);
  if (answered.length > 0) {
    return 'answered_call';
  }
  const outbound = await ctx.db
    .select({ data: events.data })
    .from(events)
    .where(
      and(
        eq(events.businessId, call.businessId),
        eq(events.type, 'call.outbound'),
        sql`${events.data}->>'to' = ${call.callerNumber}`,
      ),
    )
    .orderBy(desc(events.createdAt))
    .limit(50);
  const isCalledBack = outbound.some((row) => {
    const data = row.data as { to?: string; at?: string };
    return data.to === call.callerNumber && data.at !== undefined && new Date(data.at) > call.createdAt;
  });
  return isCalledBack ? 'called_back' : null;
}
