/**
 * Shown instead of a page while the derived tables (full-text index, counts, event members) are
 * built: once, on the first start of a new release on an existing database. Reloads itself
 * every `retrySeconds`.
 */
export function Preparing({ retrySeconds }: { retrySeconds: number }) {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-16 text-center" role="status" aria-live="polite">
      <meta httpEquiv="refresh" content={String(retrySeconds)} />
      <p className="text-xs font-medium tracking-wide text-neutral-600 uppercase">Starting</p>
      <h1 className="text-2xl font-semibold text-neutral-950">Preparing the database</h1>
      <p className="text-sm text-neutral-600">
        Parallax is building its search index and summary tables, once after an upgrade. On a large corpus this takes a few
        minutes; nothing you stored is changed. This page reloads itself every {retrySeconds} seconds.
      </p>
    </div>
  );
}
