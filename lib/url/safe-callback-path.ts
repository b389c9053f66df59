/** Only same-site paths are followed after sign-in ("/dashboard"), never "//evil.example" or absolute URLs. */
export function safeCallbackPath(value: string | undefined | null, fallback = "/dashboard"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
