export interface TestClock {
  now: () => Date;
  set: (time: Date) => void;
  advance: (ms: number) => void;
}

/** A clock that only moves when a test moves it. */
export function createTestClock(start: Date): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (time) => {
      current = time.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
