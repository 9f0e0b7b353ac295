/**
 * Web Locks as browsers give them: a request is granted in a later task, one holder at a time per
 * name, and the lock is held until the callback's promise settles.
 */
export function installWebLocks() {
  const tails = new Map<string, Promise<unknown>>();
  const granted: string[] = [];
  const locks = {
    request(name: string, callback: (lock: { name: string }) => unknown) {
      const run = (tails.get(name) ?? Promise.resolve())
        .then(() => new Promise((resolve) => setTimeout(resolve, 0)))
        .then(() => {
          granted.push(name);
          return callback({ name });
        });
      tails.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
  };
  Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
  return granted;
}
