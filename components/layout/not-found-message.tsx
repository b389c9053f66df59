import Link from "next/link";

/**
 * The one 404 page body. The heading and layout never change; the hint says what is likely for the
 * place the reader came from (a reader link, a workspace link, any other address).
 */
export function NotFoundMessage({
  hint = "There is no page at this address. The link may be mistyped or out of date.",
  link = { href: "/", label: "See the checked articles" },
}: {
  hint?: string;
  link?: { href: string; label: string };
}) {
  return (
    <div className="mx-auto max-w-5xl px-4 py-16">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 max-w-xl text-quiet">{hint}</p>
      <p className="mt-6">
        <Link href={link.href} className="text-accent hover:underline">{link.label}</Link>
      </p>
    </div>
  );
}
