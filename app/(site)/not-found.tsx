import { NotFoundMessage } from "@/components/layout/not-found-message";

/** notFound() inside the site (the layout gives the header); see also a/[slug] and edit/[articleId]. */
export default function NotFound() {
  return <NotFoundMessage />;
}
