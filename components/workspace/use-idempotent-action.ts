"use client";

import { useCallback, useRef, useState } from "react";

/** 128 random bits as hex; crypto.randomUUID needs a secure context, getRandomValues works on plain http too. */
function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * One idempotency key per intended action: made when the action starts, sent again when the same action is
 * retried (same fingerprint, e.g. after a network error), dropped once it succeeds. A second click while the
 * first request is in flight sends nothing and waits for the first answer; the server answers any repeat that
 * does reach it with the first result (server/services/idempotency.ts).
 */
export function useIdempotentAction() {
  const current = useRef<{ key: string; fingerprint: string } | null>(null);
  const inFlight = useRef<Promise<unknown> | null>(null);
  const [pending, setPending] = useState(false);

  const run = useCallback(<T>(fingerprint: unknown, send: (idempotencyKey: string) => Promise<T>): Promise<T> => {
    if (inFlight.current) return inFlight.current as Promise<T>;
    const print = JSON.stringify(fingerprint);
    if (current.current?.fingerprint !== print) current.current = { key: newKey(), fingerprint: print };
    const { key } = current.current;
    setPending(true);
    const request = send(key)
      .then((result) => {
        current.current = null;
        return result;
      })
      .finally(() => {
        inFlight.current = null;
        setPending(false);
      });
    inFlight.current = request;
    return request;
  }, []);

  /** True from the click that starts a request until its answer: read in handlers, where `pending` may be a render behind. */
  const isBusy = useCallback(() => inFlight.current !== null, []);

  return { run, pending, isBusy };
}
