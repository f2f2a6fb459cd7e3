package vn.speedwatch.console.browser;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import vn.speedwatch.collector.Collector;
import vn.speedwatch.collector.protect.ClientAddressResolver;
import vn.speedwatch.collector.protect.ClientHasher;
import vn.speedwatch.collector.speedtest.SpeedTestConfig;
import vn.speedwatch.collector.speedtest.SpeedTestRoutes;

/**
 * The resident site as one origin: the speed-test, area and comparison routes, and everything else
 * (pages, measurements API) passed on to the real collector. Stands in for the one line that mounts
 * {@link SpeedTestRoutes} in the collector's own router.
 */
final class ResidentSite implements AutoCloseable {

    private final Vertx vertx;
    private final HttpClient client;
    private final int collectorPort;
    private final int port;

    ResidentSite(Vertx vertx, Collector collector, DataSource ds) {
        this.vertx = vertx;
        this.collectorPort = collector.port();
        this.client = vertx.createHttpClient();
        Router router = Router.router(vertx);
        SpeedTestRoutes.create(
                        SpeedTestConfig.defaults(),
                        new ClientAddressResolver(List.of()),
                        new ClientHasher("test".getBytes(), Optional.empty()),
                        Optional.of(ds))
                .mount(router);
        router.route().handler(this::forward);
        this.port =
                vertx.createHttpServer()
                        .requestHandler(router)
                        .listen(0, "127.0.0.1")
                        .await()
                        .actualPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void forward(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        in.pause();
        RequestOptions options =
                new RequestOptions()
                        .setMethod(in.method())
                        .setHost("127.0.0.1")
                        .setPort(collectorPort)
                        .setURI(in.uri());
        in.headers()
                .forEach(
                        h -> {
                            if (!h.getKey().equalsIgnoreCase("Host")) {
                                options.addHeader(h.getKey(), h.getValue());
                            }
                        });
        client.request(options)
                .compose(out -> out.send(in))
                .onSuccess(
                        res -> {
                            ctx.response().setStatusCode(res.statusCode());
                            ctx.response().headers().addAll(res.headers());
                            res.pipeTo(ctx.response());
                        })
                .onFailure(e -> ctx.response().setStatusCode(502).end());
    }

    @Override
    public void close() {
        client.close();
    }
}
