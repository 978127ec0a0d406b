package com.papisandbox.server;

/** An HTTP method and path, the key of the route table. */
public record Route(String method, String path) {
    public static Route get(String path) {
        return new Route("GET", path);
    }

    public static Route post(String path) {
        return new Route("POST", path);
    }

    public static Route put(String path) {
        return new Route("PUT", path);
    }

    public static Route delete(String path) {
        return new Route("DELETE", path);
    }

    /** "METHOD /path", as the table is looked up per request. */
    public String key() {
        return method + " " + path;
    }
}
