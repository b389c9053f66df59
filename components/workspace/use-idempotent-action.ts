"use client";

import { useCallback, useRef, useState } from "react";

/** 128 random bits as hex; crypto.randomUUID needs a secure context, getRandomValues works on plain http too. */
function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A button's action done once per intent (decision 0017, 0022).
 *
 * `perform` runs one click's whole handler (request, refetch of the lists, confirmation) and ignores every
 * click until it is over, so a double click sends one request and `pending` keeps the button disabled until
 * the panel shows the result (a button enabled between the answer and the refetch let a second click act
 * on the state the first one just left, which the server then refused as a conflict).
 *
 * `send` gives the request its idempotency key: one per intended action, identified by `fingerprint` (what
 * the action does, e.g. the verdict and rationale). The same action retried after an error (a lost answer,
 * a timeout) sends the same key, so the server answers with the first result instead of doing it twice
 * (server/services/idempotency.ts); after a success the next action gets a fresh key.
 */
export function useIdempotentAction() {
  const current = useRef<{ key: string; fingerprint: string } | null>(null);
  const running = useRef(false);
  const [pending, setPending] = useState(false);

  const perform = useCallback(async <T>(handler: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setPending(true);
    try {
      return await handler();
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);

  const send = useCallback(<T>(fingerprint: unknown, request: (idempotencyKey: string) => Promise<T>): Promise<T> => {
    const print = JSON.stringify(fingerprint);
    if (current.current?.fingerprint !== print) current.current = { key: newKey(), fingerprint: print };
    const { key } = current.current;
    return request(key).then((result) => {
      if (current.current?.key === key) current.current = null;
      return result;
    });
  }, []);

  return { perform, send, pending };
}
