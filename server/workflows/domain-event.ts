/** Something that happened to a lead, which may start or stop workflows. */
export interface DomainEvent {
  type:
    | 'missed_call'
    | 'text_back_sent'
    | 'lead_replied'
    | 'qualified'
    | 'booked'
    | 'handed_to_human'
    | 'opted_out'
    | 'conversation_closed';
  businessId: string;
  conversationId: string;
  /** The hand-off or discard reason, where the event has one. */
  reason?: string | null;
}
