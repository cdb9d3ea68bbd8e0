/** A job's handler; it receives the payload given to `schedule`. */
export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

/**
 * Durable jobs that survive a restart and run once across every process sharing the database.
 * Due times are on the app's clock (`AppContext.now`), which tests control.
 */
export interface JobScheduler {
  define: (name: string, handler: JobHandler) => void;
  /** Starts running due jobs. Jobs may be scheduled before this. */
  start: () => Promise<void>;
  /** Stores a job to run at `dueAt`; returns its id. */
  schedule: (name: string, dueAt: Date, payload: Record<string, unknown>) => Promise<string>;
  cancel: (jobIds: string[]) => Promise<void>;
  /**
   * Runs every job whose due time has passed on the app's clock now, even when the real clock
   * says it is later; tests call it after moving the test clock.
   */
  runDueJobs: () => Promise<number>;
  /** Jobs due by `at` on the app's clock that have not finished yet. */
  countDueJobs: (at: Date) => Promise<number>;
  /** Waits for running jobs to finish and stops taking new ones. */
  stop: () => Promise<void>;
}
