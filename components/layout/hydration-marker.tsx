"use client";

import { useEffect } from "react";

/** Sets <body data-hydrated="true"> once React is interactive, so tests can wait for it. */
export function HydrationMarker() {
  useEffect(() => {
    document.body.dataset.hydrated = "true";
  }, []);
  return null;
}
