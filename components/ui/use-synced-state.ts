"use client";

import { useState } from "react";

/**
 * Local state that follows an external value (here: the URL). Lets a control show the user's
 * change immediately while the navigation that commits it is still pending. When the external
 * value changes (by `key`), local state is reset to it during render (React's "adjust state
 * when a prop changes" pattern, no effect).
 */
export function useSyncedState<T>(external: T, key: string = JSON.stringify(external)): [T, (v: T) => void] {
  const [value, setValue] = useState(external);
  const [prevKey, setPrevKey] = useState(key);
  if (key !== prevKey) {
    setPrevKey(key);
    setValue(external);
  }
  return [value, setValue];
}
