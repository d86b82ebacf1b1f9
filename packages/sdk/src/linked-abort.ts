/** Aborts with `parent` too; `dispose()` unhooks it, so a long-lived signal does not gather one listener per listing. */
export function linkedAbort(parent: AbortSignal | undefined) {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(parent?.reason);
  if (parent?.aborted) onAbort();
  else parent?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    abort: (reason?: unknown) => controller.abort(reason),
    dispose: () => parent?.removeEventListener('abort', onAbort),
  };
}
