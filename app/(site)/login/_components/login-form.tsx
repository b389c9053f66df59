"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { TextField } from "@/components/ui/text-field";

type Field = "email" | "password";
type FieldErrors = Partial<Record<Field, string>>;

/** What is wrong with the fields before anything is sent: empty, or not an email address. */
function checkFields(form: HTMLFormElement): FieldErrors {
  const errors: FieldErrors = {};
  const email = form.elements.namedItem("email") as HTMLInputElement;
  const password = form.elements.namedItem("password") as HTMLInputElement;
  if (!email.value.trim()) errors.email = "Enter your email address.";
  else if (email.validity.typeMismatch) errors.email = "Enter an email address like ana@example.org.";
  if (!password.value) errors.password = "Enter your password.";
  return errors;
}

export function LoginForm({ callbackPath }: { callbackPath: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Our own messages beside the fields (noValidate): the browser's bubbles vanish and are not styled.
    const invalid = checkFields(event.currentTarget);
    setFieldErrors(invalid);
    const firstInvalid = (["email", "password"] as const).find((name) => invalid[name]);
    if (firstInvalid) {
      setError(null);
      document.getElementById(firstInvalid)?.focus();
      return;
    }
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    setPending(false);
    if (!result || result.error) {
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Email or password is wrong, or the account is deactivated.");
      return;
    }
    router.push(callbackPath);
    router.refresh();
  }

  return (
    <form method="post" onSubmit={submit} className="mt-8 space-y-4" noValidate>
      <TextField name="email" label="Email" type="email" autoComplete="username" required error={fieldErrors.email} />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
      {error && (
        <p role="alert" className="rounded border border-[#ffcecb] bg-[#ffebe9] px-3 py-2 text-sm text-[#a40e26]">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending} className="w-full rounded bg-ink px-4 py-2 font-medium text-white hover:bg-black disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
