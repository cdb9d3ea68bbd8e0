import { useEffect, useState } from 'react';
import { NavLink } from '../../app/nav-link.tsx';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { ConversationList } from './conversation-list.tsx';
import { ConversationView } from './conversation-view.tsx';
import { inboxApi } from './inbox-api.ts';
import type { InboxFilter, TeamMember } from './inbox-api.ts';
import { LeadPanel } from './lead-panel.tsx';
import { useConversation } from './use-conversation.ts';
import { useInboxList } from './use-inbox-list.ts';
import './inbox.css';

/**
 * Renders the live inbox at /inbox and /inbox/:id: list, conversation and lead details side by
 * side on wide screens. Narrower pages open the lead details as a drawer, and phones show either
 * the list or the open conversation (see inbox.css).
 */
export function InboxPage({ selectedId }: { selectedId: string | null }) {
  const [filter, setFilter] = useState<InboxFilter>('open');
  const [isDetailsOpen, setIsDetailsOpen] = useState(false);
  const [search, setSearch] = useState('');
  const settledSearch = useDebouncedValue(search, 200);
  const inbox = useInboxList(filter, settledSearch);
  const selected = useConversation(selectedId, inbox.refresh);
  const team = useTeam();

  const refreshBoth = () => {
    inbox.refresh();
    selected.refresh();
  };

  useEffect(() => setIsDetailsOpen(false), [selectedId]);
  const className = ['inbox', selectedId ? 'inbox-has-selection' : '', isDetailsOpen ? 'inbox-details-open' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <div className={className}>
      <ConversationList
        list={inbox.list}
        error={inbox.error}
        filter={filter}
        onFilterChange={setFilter}
        search={search}
        onSearchChange={setSearch}
        selectedId={selectedId}
      />
      {selected.conversation ? (
        <>
          <ConversationView
            conversation={selected.conversation}
            team={team}
            onChanged={refreshBoth}
            isDetailsOpen={isDetailsOpen}
            onToggleDetails={() => setIsDetailsOpen((isOpen) => !isOpen)}
          />
          <LeadPanel conversation={selected.conversation} onClose={() => setIsDetailsOpen(false)} />
        </>
      ) : (
        <div className="inbox-placeholder">
          {selectedId ? (
            <NavLink to="/inbox" className="conversation-back">
              ← Conversations
            </NavLink>
          ) : null}
          {selected.error ? (
            <p className="error-banner">{selected.error}</p>
          ) : (
            <>
              <svg className="inbox-placeholder-icon" viewBox="0 0 24 24" aria-hidden="true">
                <path
                  d="M4 5h16v11H9l-5 4z"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.5"
                  strokeLinejoin="round"
                />
              </svg>
              <p>{selectedId ? 'Loading the conversation…' : 'Pick a conversation to read and reply.'}</p>
              <p className="inbox-placeholder-hint">New missed calls and texts appear here as they happen.</p>
            </>
          )}
        </div>
      )}
    </div>
  );
}

function useTeam(): TeamMember[] {
  const [team, setTeam] = useState<TeamMember[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    inboxApi.listTeam(controller.signal).then(setTeam, () => undefined);
    return () => controller.abort();
  }, []);
  return team;
}
