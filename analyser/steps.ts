// Work that can pause: a long job written as a generator that yields between pieces of work. Run at once
// (finish) it is an ordinary function call; run in slices (finishInSlices) it hands the page's main thread back
// between slices, so that reading a very long page never freezes the page for more than a few frames.

/** A job in steps: each `yield` is a place where it may pause. */
export type Steps<T> = Generator<void, T, void>;

/** Runs the job to its end at once. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface SliceOptions {
  /** Work this long at most before pausing (ms). */
  budgetMs: number;
  /** Hands the thread back: resolves when the job may go on. */
  pause: () => Promise<void>;
}

/** Runs the job in slices of about `budgetMs`, pausing between them. */
export async function finishInSlices<T>(steps: Steps<T>, { budgetMs, pause }: SliceOptions): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= budgetMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}
