import { type SeedContext, timeOnDay } from './seed-step';

/** A moment of a story: a time of day (company time zone) some days ago, or some minutes before the seed runs. */
export type When = { day: number; time: string } | { minutesAgo: number };
export const on = (day: number, time: string): When => ({ day, time });
export const ago = (minutesAgo: number): When => ({ minutesAgo });

/** The instant of a story moment; minutes are counted back from `now`, days from the seed's today. */
export function instant(context: SeedContext, now: Date, when: When): Date {
  return 'minutesAgo' in when
    ? new Date(now.getTime() - when.minutesAgo * 60_000)
    : timeOnDay(context, when.day, when.time);
}

/** A demo record's story: how it began, then its steps, each at its moment. */
export interface Story {
  steps: readonly { action: string; at: When }[];
}

export interface StoryMoment<D, S> {
  demo: D;
  /** The step, or null for the moment the record came in. */
  step: S | null;
  at: Date;
}

/**
 * Every moment of every story, all stories interleaved in the order they happened; a story told out of
 * order fails here. Array sort is stable: a story's own steps at the same moment stay in their order.
 */
export function chronology<D extends Story>(
  context: SeedContext,
  now: Date,
  stories: readonly D[],
  story: { start: (demo: D) => When; name: (demo: D) => string },
): StoryMoment<D, D['steps'][number]>[] {
  const moments = stories.flatMap((demo) => {
    const own: StoryMoment<D, D['steps'][number]>[] = [
      { demo, step: null, at: instant(context, now, story.start(demo)) },
      ...demo.steps.map((step) => ({ demo, step, at: instant(context, now, step.at) })),
    ];
    own.forEach((moment, index) => {
      const previous = own[index - 1];
      if (previous && previous.at.getTime() > moment.at.getTime()) {
        throw new Error(`${story.name(demo)}: ${moment.step?.action} comes before the step it follows`);
      }
    });
    return own;
  });
  return moments.sort((a, b) => a.at.getTime() - b.at.getTime());
}
