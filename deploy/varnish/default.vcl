# Factdesk behind Varnish 7 with varnish-modules' xkey (docs/caching.md, "At the edge"; README, "Running at scale").
# The app says what may be kept (Cache-Control s-maxage, only when FACTDESK_EDGE_PURGE_URL points here) and files
# each public output under its surrogate keys (`xkey` response header); on every change it sends
#   PURGE /  with  xkey-purge: <keys>
# from the app's host, and this cache drops every object filed under those keys at once.
# The backends (the app instances) are in backends.vcl, found on vcl_path: copy backends.example.vcl and list yours.
vcl 4.1;

import xkey;

include "backends.vcl";

# Who may purge: the app instances. Here, this machine; list the instances' addresses if they run elsewhere.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = factdesk.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is for the app instances only"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Name the keys to purge in the xkey-purge header"));
        }
        # A hard purge: the next request fetches the new state. (softpurge would serve the old verdict once more.)
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Only the public outputs are kept; everything else (sign-in, the workspace, tRPC, assets Next already
    # fingerprints) goes to the app as if this cache were not there.
    if (req.url !~ "^/(\?|$)" && req.url !~ "^/a/[^/?]+(\?|$)" && req.url !~ "^/embed(-badge)?/[^/?]+(\?|$)" && req.url !~ "^/api/articles/[^/?]+/annotations(\?|$)") {
        return (pass);
    }
    # Next's in-app navigation asks for another representation of the same URL (RSC payloads): not kept here.
    if (req.http.RSC || req.http.Next-Router-Prefetch || req.url ~ "[?&]_rsc=") {
        return (pass);
    }
    # The public outputs are the same for everybody (the app renders them without the session): a signed-in
    # reader's cookies must not make every request a miss.
    unset req.http.Cookie;
    unset req.http.Authorization;
    return (hash);
}

sub vcl_backend_response {
    # Keep only what the app lets a purgeable edge keep (s-maxage: FACTDESK_EDGE_PURGE_URL is set) under keys it
    # will purge. Not a 404 or 5xx (`no-store`), nor an app that does not know of this cache (`no-cache`, which
    # would otherwise get Varnish's default TTL with nobody purging it).
    if (beresp.http.Cache-Control !~ "s-maxage" || beresp.http.Cache-Control ~ "no-store" || !beresp.http.xkey || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # s-maxage has set beresp.ttl, stale-while-revalidate beresp.grace; the purge ends both long before.
    return (deliver);
}

sub vcl_deliver {
    # Browsers revalidate every time (the app's policy without an edge): stale-while-revalidate would bind them too,
    # and only this cache is purged.
    if (resp.http.xkey) {
        set resp.http.Cache-Control = "public, no-cache";
        unset resp.http.xkey;
    }
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
