package vn.speedwatch.collector;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The resident web pages, served from {@code webroot/} on the classpath when it is there (the
 * launcher and the web module put it there). Mounted last so API routes always win.
 */
public final class StaticPages {

    static final String WEBROOT = "webroot";

    private StaticPages() {}

    /** Mounts the pages on {@code /} if the classpath has a {@code webroot/index.html}. */
    public static boolean mount(Router router) {
        ClassLoader loader = StaticPages.class.getClassLoader();
        if (loader.getResource(WEBROOT + "/index.html") == null) {
            return false;
        }
        router.get("/*").handler(StaticHandler.create(WEBROOT).setCachingEnabled(true));
        return true;
    }
}
