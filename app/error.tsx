"use client";

import Link from "next/link";
import { useEffect } from "react";
import { Button, buttonClasses } from "@/components/ui/button";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error && typeof error === "object" && "digest" in error ? String((error as { digest?: unknown }).digest ?? "") : "";
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-3 py-16 text-center">
      <h1 className="text-2xl font-semibold text-neutral-950">Something went wrong loading this page</h1>
      <p className="text-sm text-neutral-600">
        The data could not be loaded. This is usually temporary (the database was busy or being migrated). Try again; if it keeps failing, check
        the server log{digest ? " for the reference below" : ""} and that the database exists (<code className="font-mono">npm start</code> creates it).
      </p>
      {digest ? (
        <p className="text-xs text-neutral-500">
          Reference: <code className="font-mono">{digest}</code>
        </p>
      ) : null}
      <div className="flex justify-center gap-2">
        <Button variant="primary" onClick={() => retry()}>
          Try again
        </Button>
        <Link href="/" className={buttonClasses("outline", "md")}>
          Go to the overview
        </Link>
      </div>
    </div>
  );
}
