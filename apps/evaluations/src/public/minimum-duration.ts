/**
 * Runs `work` and answers no sooner than `ms` after starting, whether it succeeded or threw:
 * an unknown receipt code must take as long as a known one.
 */
export async function withMinimumDuration<T>(ms: number, work: () => Promise<T>, clock: () => number = Date.now): Promise<T> {
  const started = clock();
  const pad = () => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, started + ms - clock())));
  try {
    const result = await work();
    await pad();
    return result;
  } catch (error) {
    await pad();
    throw error;
  }
}
