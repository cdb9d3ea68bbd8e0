import type { ReactNode } from 'react';

// Matches http(s) addresses and bare `www.` ones. The loop below trims trailing punctuation.
const linkPattern = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
const trailingPunctuation = /[.,;:!?)\]'"]+$/;

export interface LinkifiedTextProps {
  text: string;
}

/** Renders message text with its web addresses as links that open in a new tab. */
export function LinkifiedText({ text }: LinkifiedTextProps) {
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const match of text.matchAll(linkPattern)) {
    const start = match.index;
    const address = match[0].replace(trailingPunctuation, '');
    if (start > cursor) {
      parts.push(text.slice(cursor, start));
    }
    const href = address.toLowerCase().startsWith('www.') ? `https://${address}` : address;
    parts.push(
      <a key={start} href={href} target="_blank" rel="noopener noreferrer">
        {withBreakOpportunities(address)}
      </a>,
    );
    cursor = start + address.length;
  }
  if (cursor < text.length) {
    parts.push(text.slice(cursor));
  }
  return <>{parts}</>;
}

// Lets a long address wrap after a slash or dot instead of between two arbitrary letters.
function withBreakOpportunities(address: string): ReactNode[] {
  return address
    .split(/(?<=[/.?&])/)
    .flatMap((piece, index) => (index === 0 ? [piece] : [<wbr key={index} />, piece]));
}
