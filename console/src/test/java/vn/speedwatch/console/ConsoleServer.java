package vn.speedwatch.console;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.Map;
import javax.sql.DataSource;
import vn.speedwatch.model.Settings;

/** A real HTTP server with the console mounted on a plain router, as the launcher does it. */
final class ConsoleServer implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;

    ConsoleServer(DataSource ds, Map<String, String> settings) {
        Router router = Router.router(vertx);
        ConsoleRoutes.mount(router, vertx, ConsoleConfig.from(Settings.of(settings)), ds);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
