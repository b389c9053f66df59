"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/**
 * A quiet confirmation ("Saved") for a role=status region: shown for a few seconds, then cleared so the
 * next identical message is announced again.
 */
export function useStatusMessage(visibleForMs = 4000) {
  const [message, setMessage] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const announce = useCallback(
    (text: string) => {
      clearTimeout(timer.current);
      setMessage(text);
      timer.current = setTimeout(() => setMessage(""), visibleForMs);
    },
    [visibleForMs],
  );
  useEffect(() => () => clearTimeout(timer.current), []);
  return { message, announce };
}
