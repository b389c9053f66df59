import { NotFoundMessage } from "@/components/layout/not-found-message";

/** Editors see drafts, so "not published yet" would mislead them: the article number is what is wrong. */
export default function WorkspaceNotFound() {
  return (
    <NotFoundMessage
      hint="No article has this number. It may have been deleted, or the link is mistyped."
      link={{ href: "/dashboard", label: "Go to the dashboard" }}
    />
  );
}
