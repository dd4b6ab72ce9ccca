import type { AssessmentResult } from '../training-attendee.entity';

export interface AttendeeFacts {
  userId: string | null;
  customerId: string | null;
  name: string;
  result: AssessmentResult;
  score: number | null;
}

type Editable = Pick<AttendeeFacts, 'name' | 'result' | 'score'>;
const EDITABLE = ['name', 'result', 'score'] as const;

/** How a training's attendee list changed, as the audit trail records it: names, not row ids. */
export interface AttendeeChanges {
  count: { from: number; to: number };
  added?: string[];
  removed?: string[];
  /** Same attendee, different name, result or score: only the fields that differ. */
  changed?: { name: string; from: Partial<Editable>; to: Partial<Editable> }[];
}

/** Users and customers are the same attendee by id; people named only, by name (and how often it occurs). */
function keyed(attendees: readonly AttendeeFacts[]): Map<string, AttendeeFacts> {
  const seen = new Map<string, number>();
  const result = new Map<string, AttendeeFacts>();
  for (const attendee of attendees) {
    let key = attendee.userId
      ? `user:${attendee.userId}`
      : attendee.customerId
        ? `customer:${attendee.customerId}`
        : '';
    if (!key) {
      const occurrence = (seen.get(attendee.name) ?? 0) + 1;
      seen.set(attendee.name, occurrence);
      key = `name:${attendee.name}#${occurrence}`;
    }
    result.set(key, attendee);
  }
  return result;
}

/** The summary of a change to the attendee list, or null when the list is the same. */
export function summariseAttendeeChanges(
  before: readonly AttendeeFacts[],
  after: readonly AttendeeFacts[],
): AttendeeChanges | null {
  const old = keyed(before);
  const next = keyed(after);
  const added = [...next].filter(([key]) => !old.has(key)).map(([, attendee]) => attendee.name);
  const removed = [...old].filter(([key]) => !next.has(key)).map(([, attendee]) => attendee.name);
  const changed = [...next].flatMap(([key, to]) => {
    const from = old.get(key);
    const fields = from ? EDITABLE.filter((field) => from[field] !== to[field]) : [];
    if (!from || fields.length === 0) return [];
    const pick = (attendee: AttendeeFacts) =>
      Object.fromEntries(fields.map((field) => [field, attendee[field]]));
    return [{ name: to.name, from: pick(from), to: pick(to) }];
  });
  if (added.length === 0 && removed.length === 0 && changed.length === 0) return null;
  return {
    count: { from: before.length, to: after.length },
    ...(added.length > 0 ? { added } : {}),
    ...(removed.length > 0 ? { removed } : {}),
    ...(changed.length > 0 ? { changed } : {}),
  };
}
