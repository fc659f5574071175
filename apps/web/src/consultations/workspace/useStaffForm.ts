import { useEffect, useRef, useState } from 'react';
import { mergeErrors, serverFieldErrors } from '../../components/fieldErrors';
import type { StaffMeetingsDict } from './i18n';

type Problems = Record<string, string | undefined>;

/** The problem with a text that needs at least `min` characters: "required" when empty. */
export function lengthProblem(s: StaffMeetingsDict, value: string, min: number): string | undefined {
  const length = value.trim().length;
  return length === 0 ? s.required : length < min ? s.tooShort(min) : undefined;
}

/**
 * A staff form's values, its problems (the client's checks, then the server's field reasons), and
 * one `submit` that runs the checks, the request and the busy flag.
 */
export function useStaffForm<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [clientErrors, setClientErrors] = useState<Problems>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState(0);
  const ref = useRef<HTMLFormElement>(null);
  const errors = mergeErrors(clientErrors, serverFieldErrors(error));

  const set = (name: keyof T & string) => (value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setClientErrors((current) => (current[name] ? { ...current, [name]: undefined } : current));
  };

  /** Props for a TextField bound to one value. */
  const bind = (name: keyof T & string) => ({ value: values[name], onChange: set(name), error: errors[name] });

  // After a refused submit, the first field with a problem (or the message above the form) gets focus.
  useEffect(() => {
    if (failures === 0) return;
    const form = ref.current;
    (form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[role="alert"]'))?.focus();
  }, [failures]);

  /** true when the request went through. */
  const submit = async (problems: Problems, action: () => Promise<unknown>): Promise<boolean> => {
    setClientErrors(problems);
    setError(null);
    if (Object.values(problems).some(Boolean)) {
      setFailures((n) => n + 1);
      return false;
    }
    setBusy(true);
    try {
      await action();
      return true;
    } catch (caught) {
      setError(caught);
      setFailures((n) => n + 1);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { ref, values, setValues, set, bind, errors, error, busy, submit };
}
