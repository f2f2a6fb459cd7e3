package vn.speedwatch.collector.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;

/**
 * The bench's ceiling: a Vert.x endpoint that reads the body and answers 202, on as many event
 * loops as the collector it is compared with, so the ratio compares work, not thread counts.
 */
record BareEndpoint(int actualPort) {

    static BareEndpoint start(Vertx vertx, int instances) throws Exception {
        // A fixed port shared by the copies (port 0 would give each copy its own port).
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
        int listen = port;
        CollectorBench.join(
                vertx.deployVerticle(
                        () ->
                                new VerticleBase() {
                                    @Override
                                    public Future<?> start() {
                                        return vertx.createHttpServer()
                                                .requestHandler(
                                                        req ->
                                                                req.body()
                                                                        .onComplete(
                                                                                b ->
                                                                                        req.response()
                                                                                                .setStatusCode(
                                                                                                        202)
                                                                                                .end(
                                                                                                        "{\"accepted\":1}")))
                                                .listen(listen, "127.0.0.1");
                                    }
                                },
                        new DeploymentOptions().setInstances(instances)));
        return new BareEndpoint(port);
    }
}
