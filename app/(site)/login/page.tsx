import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getRequestActor } from "@/server/auth/request-actor";
import { safeCallbackPath } from "@/lib/url/safe-callback-path";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl);
  if ((await getRequestActor()).kind === "user") redirect(callbackPath);
  return (
    <div className="mx-auto max-w-sm px-4 py-16">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
      <p className="mt-2 text-sm text-quiet">For editors and admins. Readers need no account.</p>
      <LoginForm callbackPath={callbackPath} />
    </div>
  );
}
