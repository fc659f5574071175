import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

/** One change to a study: busy while it runs, the error it met, and the page's copy replaced by the server's answer. */
export function useStudyAction(studyId: string) {
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>, message: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const answer = await action();
      if (answer && typeof answer === 'object' && 'canManage' in answer) client.setQueryData([`study:${studyId}`], answer);
      else await client.invalidateQueries({ queryKey: [`study:${studyId}`] });
      void client.invalidateQueries({ queryKey: ['studies'] });
      void client.invalidateQueries({ queryKey: [`study-consents:${studyId}`] });
      setDone(message);
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run };
}
