/**
 * PostgreSQL's answers that mean "run the transaction again": a deadlock (two writers met in
 * different orders and one was aborted) or a serialization failure. Nothing was written.
 */
const RETRYABLE = new Set(['40P01', '40001']);

export const isRetryable = (error: unknown): boolean =>
  RETRYABLE.has(String((error as { code?: unknown } | null)?.code));

/**
 * Runs `transaction` again, after a short random pause, when it fails for a reason `isRetryable`
 * names, at most `attempts` times in all; any other failure, or the last, is thrown as it came.
 */
export async function withRetries<T>(transaction: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      // Apart at random, so the writers that met do not meet again at once.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * attempt));
    }
  }
}
