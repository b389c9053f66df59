import type { ReactNode } from "react";
import { TrpcQueryProvider } from "@/components/providers/trpc-provider";

/** Editor pages are interactive: they get the tRPC client. Reader pages stay free of it. */
export default function EditorLayout({ children }: { children: ReactNode }) {
  return <TrpcQueryProvider>{children}</TrpcQueryProvider>;
}
