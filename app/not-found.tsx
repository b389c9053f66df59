import Link from "next/link";

/** For addresses outside the site's pages (and the bare embed routes): no chrome, just a way home. */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-6">
        <Link href="/" className="text-accent hover:underline">Go to Factdesk</Link>
      </p>
    </main>
  );
}
