import { NotFoundMessage } from "@/components/layout/not-found-message";

/** A reader link to an article that is unknown or not public: the same answer for both (no hint which). */
export default function ArticleNotFound() {
  return <NotFoundMessage hint="This article is not published, or the link is mistyped." />;
}
