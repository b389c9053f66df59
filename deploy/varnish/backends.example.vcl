# The app instances behind this cache, round-robin: copy to backends.vcl next to default.vcl (or anywhere on
# varnishd's -p vcl_path) and list yours. Included by default.vcl, which expects a director named `factdesk`.
import directors;

backend app1 {
    .host = "127.0.0.1";
    .port = "3000";
}

# backend app2 { .host = "127.0.0.1"; .port = "3001"; }

sub vcl_init {
    new factdesk = directors.round_robin();
    factdesk.add_backend(app1);
    # factdesk.add_backend(app2);
}
