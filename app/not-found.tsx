import { NotFoundMessage } from "@/components/layout/not-found-message";
import { SiteChrome } from "@/components/layout/site-chrome";

/**
 * Addresses no route matches (/admin, /a/x/y, …) land here, outside the (site) layout: the same 404 as
 * inside the site, with its header, so nobody is stranded on a bare page. The embed card has its own.
 */
export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundMessage />
    </SiteChrome>
  );
}
