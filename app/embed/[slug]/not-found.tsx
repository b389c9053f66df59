import Link from "next/link";

/**
 * The embed card's 404 stays bare: it shows inside a publisher's iframe, where the site header of the
 * root 404 would be out of place. The link opens Factdesk in the whole window, not in the frame.
 */
export default function EmbedNotFound() {
  return (
    <main className="p-3 font-sans text-sm">
      <p className="font-semibold">Fact-checks not available</p>
      <p className="mt-1 text-quiet">
        This article is not published on{" "}
        <Link href="/" target="_top" className="text-accent hover:underline">
          Factdesk
        </Link>
        .
      </p>
    </main>
  );
}
