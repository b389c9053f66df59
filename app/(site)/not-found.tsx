import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-quiet">The article may not be published yet, or the link is mistyped.</p>
      <p className="mt-6">
        <Link href="/" className="text-accent hover:underline">See the checked articles</Link>
      </p>
    </div>
  );
}
