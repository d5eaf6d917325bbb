/** Polls `condition` until it holds; fails with `what` after `timeoutMs`. Never a timed assertion. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A name no other test run uses, so that tests on a shared broker never see each other's messages. */
export function uniqueName(prefix: string): string {
  const name = `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  usedNames.push(name);
  return name;
}

/** Every name {@link uniqueName} gave in this process, for cleaning brokers up after the tests. */
export const usedNames: string[] = [];
