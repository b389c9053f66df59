"use client";

import { useEffect } from "react";

const RESULT = "[data-search-result]";

/**
 * Keyboard navigation for the results: "/" jumps to the search box, ↓ and ↑ move between results (from the box
 * into the list and back), Escape returns to the box. Enter follows the focused link, as links do.
 */
export function ResultKeys({ inputId }: { inputId: string }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const input = document.getElementById(inputId);
      const target = event.target instanceof HTMLElement ? event.target : null;
      const typing = target !== null && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));
      if (event.key === "/" && !typing) {
        event.preventDefault();
        input?.focus();
        return;
      }
      const results = [...document.querySelectorAll<HTMLElement>(RESULT)];
      const at = target ? results.indexOf(target) : -1;
      if (event.key === "Escape" && at >= 0) {
        input?.focus();
      } else if (event.key === "ArrowDown" && (target === input || at >= 0)) {
        event.preventDefault();
        results[Math.min(at + 1, results.length - 1)]?.focus();
      } else if (event.key === "ArrowUp" && at >= 0) {
        event.preventDefault();
        (at === 0 ? input : results[at - 1])?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [inputId]);
  return null;
}
