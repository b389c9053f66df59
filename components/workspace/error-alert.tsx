import type { ReactNode } from "react";

/** A server or validation message the editor should act on, announced at once (role=alert). */
export function ErrorAlert({ message, children }: { message: string; children?: ReactNode }) {
  return (
    <div role="alert" className="rounded border border-[#ff8182] bg-[#ffebe9] px-3 py-2 text-sm text-[#82071e]">
      <p>{message}</p>
      {children && <div className="mt-2 flex flex-wrap gap-2">{children}</div>}
    </div>
  );
}
