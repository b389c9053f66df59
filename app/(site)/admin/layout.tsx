import type { ReactNode } from "react";
import { TrpcQueryProvider } from "@/components/providers/trpc-provider";

/** Admin pages are interactive islands over tRPC; each page checks the policy itself (layouts do not re-run on navigation). */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <TrpcQueryProvider>
      <div className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </div>
    </TrpcQueryProvider>
  );
}
