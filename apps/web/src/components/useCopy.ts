import { useEffect, useState } from 'react';

/**
 * Copies `text` to the clipboard; `copied` is true for a few seconds after. Without clipboard
 * access (an http page, an old browser) nothing happens: the link on the page stays selectable.
 */
export function useCopy(text: string): { canCopy: boolean; copied: boolean; copy: () => Promise<void> } {
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2500);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // Refused: the link itself stays selectable.
    }
  };

  return { canCopy: 'clipboard' in navigator, copied, copy };
}
