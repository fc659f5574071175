/**
 * Staff type meeting times as Lithuanian wall-clock time, whatever zone their computer is in, and
 * everything else on the platform shows times in Lithuanian time: an <input type="datetime-local">
 * value is read (and written) in Europe/Vilnius, not in the browser's zone.
 */
const ZONE = 'Europe/Vilnius';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function wallClock(date: Date): { y: number; mo: number; d: number; h: number; mi: number } {
  const get = (type: string) => Number(parts.formatToParts(date).find((p) => p.type === type)?.value);
  return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour'), mi: get('minute') };
}

/** Minutes Vilnius is ahead of UTC at that moment (120 or 180). */
function offsetMinutes(at: number): number {
  const w = wallClock(new Date(at));
  return Math.round((Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi) - Math.floor(at / 60_000) * 60_000) / 60_000);
}

/** "2026-03-03T18:00" (Lithuanian time) as an ISO instant; null when not a date-time. */
export function vilniusToIso(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(local.trim());
  if (!m) return null;
  const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // Twice, so a time next to a daylight-saving change takes the offset of its own side.
  let at = asUtc - offsetMinutes(asUtc) * 60_000;
  at = asUtc - offsetMinutes(at) * 60_000;
  return new Date(at).toISOString();
}

/** An instant as a datetime-local value in Lithuanian time. */
export function isoToVilnius(iso: string | Date): string {
  const w = wallClock(new Date(iso));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.y}-${two(w.mo)}-${two(w.d)}T${two(w.h)}:${two(w.mi)}`;
}
