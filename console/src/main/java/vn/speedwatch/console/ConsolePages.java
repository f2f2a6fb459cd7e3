package vn.speedwatch.console;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.speedwatch.model.Area;
import vn.speedwatch.model.AreaRegistry;
import vn.speedwatch.model.QcvnThresholds;
import vn.speedwatch.reports.ArchivedReport;
import vn.speedwatch.reports.GeneratedReport;
import vn.speedwatch.reports.ProgressListener;
import vn.speedwatch.reports.ReportArchive;
import vn.speedwatch.reports.ReportException;
import vn.speedwatch.reports.ReportGenerator;
import vn.speedwatch.reports.ReportRequest;
import vn.speedwatch.warehouse.AlertRepository;
import vn.speedwatch.warehouse.AlertRow;

/** The signed-in pages: map, alerts with their actions, and the report archive. */
final class ConsolePages {

    private static final Logger LOG = LoggerFactory.getLogger(ConsolePages.class);
    private static final Map<String, String> FLASH =
            Map.of(
                    "ack", "Đã ghi nhận cảnh báo / Alert acknowledged",
                    "closed", "Đã đóng cảnh báo / Alert closed",
                    "gone", "Cảnh báo không còn mở / The alert is no longer open",
                    "generated", "Đã lập báo cáo / Reports generated");

    private final Vertx vertx;
    private final ConsoleConfig config;
    private final String base;
    private final List<Area> areas;
    private final MapData mapData;
    private final AlertRepository alerts;
    private final ReportArchive archive;
    private final ReportGenerator generator;
    private final Clock clock = Clock.systemUTC();

    ConsolePages(Vertx vertx, ConsoleConfig config, DataSource ds, String base) {
        this.vertx = vertx;
        this.config = config;
        this.base = base;
        AreaRegistry registry =
                config.areasFile().map(AreaRegistry::load).orElseGet(AreaRegistry::loadSample);
        this.areas = registry.areas();
        this.mapData = new MapData(ds, config.reports().zone());
        this.alerts = new AlertRepository(ds);
        this.archive = new ReportArchive(ds, clock);
        this.generator =
                new ReportGenerator(ds, config.reports(), areas, QcvnThresholds.load(), clock);
    }

    void mount(Router router) {
        router.get(base + "/map").handler(this::handleMap);
        router.get(base + "/alerts").handler(this::handleAlerts);
        router.post(base + "/alerts/:id/ack").handler(this::handleAcknowledge);
        router.post(base + "/alerts/:id/close").handler(this::handleClose);
        router.get(base + "/reports").handler(this::handleReports);
        router.get(base + "/reports/:id/:kind").handler(this::handleDownload);
        router.post(base + "/reports/generate").handler(this::handleGenerate);
    }

    private void handleMap(RoutingContext ctx) {
        MapPage.Choice choice = MapChoice.parse(ctx.request(), thisMonth());
        vertx.executeBlocking(
                        () ->
                                mapData.load(
                                        choice.operator().name(),
                                        choice.access().name(),
                                        choice.month()),
                        false)
                .onSuccess(
                        cells ->
                                ConsoleRoutes.html(
                                        ctx,
                                        200,
                                        MapPage.render(
                                                base, nav(ctx), areas, cells, choice, config)))
                .onFailure(ctx::fail);
    }

    private void handleAlerts(RoutingContext ctx) {
        vertx.executeBlocking(alerts::findOpen, false)
                .onSuccess(
                        list ->
                                ConsoleRoutes.html(
                                        ctx,
                                        200,
                                        AlertsPage.render(
                                                base,
                                                nav(ctx),
                                                ConsoleRoutes.session(ctx),
                                                list,
                                                flash(ctx))))
                .onFailure(ctx::fail);
    }

    private void handleAcknowledge(RoutingContext ctx) {
        long id = idParam(ctx);
        String by = ConsoleRoutes.session(ctx).official().username();
        vertx.executeBlocking(() -> alerts.acknowledge(id, by, clock.instant()), false)
                .onSuccess(done -> back(ctx, "/alerts", done ? "ack" : "gone"))
                .onFailure(ctx::fail);
    }

    private void handleClose(RoutingContext ctx) {
        long id = idParam(ctx);
        String by = ConsoleRoutes.session(ctx).official().username();
        vertx.executeBlocking(
                        () -> {
                            Optional<AlertRow> a =
                                    alerts.findOpen().stream()
                                            .filter(r -> r.id() != null && r.id() == id)
                                            .findFirst();
                            a.ifPresent(
                                    r ->
                                            alerts.close(
                                                    r.tdpCode(),
                                                    r.operator(),
                                                    r.accessType(),
                                                    r.kind(),
                                                    Instant.now(clock)));
                            a.ifPresent(r -> LOG.info("Alert {} closed by '{}'", id, by));
                            return a.isPresent();
                        },
                        false)
                .onSuccess(done -> back(ctx, "/alerts", done ? "closed" : "gone"))
                .onFailure(ctx::fail);
    }

    private void handleReports(RoutingContext ctx) {
        vertx.executeBlocking(() -> archive.list(Optional.empty(), Optional.empty()), false)
                .onSuccess(
                        list ->
                                ConsoleRoutes.html(
                                        ctx,
                                        200,
                                        ReportsPage.render(
                                                base,
                                                nav(ctx),
                                                ConsoleRoutes.session(ctx),
                                                list,
                                                thisMonth().minusMonths(1),
                                                flash(ctx))))
                .onFailure(ctx::fail);
    }

    private void handleDownload(RoutingContext ctx) {
        String kind = ctx.pathParam("kind");
        long id = idParam(ctx);
        vertx.executeBlocking(() -> archive.find(id), false)
                .onSuccess(
                        found -> {
                            Optional<Path> file =
                                    found.map(
                                                    r ->
                                                            "pdf".equals(kind)
                                                                    ? r.pdfPath()
                                                                    : "csv".equals(kind)
                                                                            ? r.csvPath()
                                                                            : null)
                                            .filter(Files::isReadable);
                            if (file.isEmpty()) {
                                ctx.fail(404);
                                return;
                            }
                            ctx.response()
                                    .putHeader(
                                            "Content-Type",
                                            "pdf".equals(kind)
                                                    ? "application/pdf"
                                                    : "text/csv; charset=utf-8")
                                    .putHeader(
                                            "Content-Disposition",
                                            "attachment; filename=\""
                                                    + file.get().getFileName()
                                                    + "\"")
                                    .sendFile(file.get().toString());
                        })
                .onFailure(ctx::fail);
    }

    private void handleGenerate(RoutingContext ctx) {
        String by = ConsoleRoutes.session(ctx).official().username();
        String month = ctx.request().getFormAttribute("month");
        String operator = ctx.request().getFormAttribute("operator");
        vertx.executeBlocking(() -> generate(month, operator, by), false)
                .onSuccess(
                        error -> {
                            if (error.isEmpty()) {
                                back(ctx, "/reports", "generated");
                            } else {
                                reportsWithError(ctx, error.get());
                            }
                        })
                .onFailure(ctx::fail);
    }

    /** Empty when done; else the official-facing reason. */
    private Optional<String> generate(String month, String operator, String by) {
        try {
            ReportRequest request =
                    ReportRequest.parse(month, operator, config.reportsDir(), by, clock);
            List<GeneratedReport> made = generator.generate(request, ProgressListener.NONE);
            LOG.info("'{}' generated {} report(s) for {}", by, made.size(), request.month());
            return Optional.empty();
        } catch (ReportException e) {
            return Optional.of(e.getMessage());
        }
    }

    private void reportsWithError(RoutingContext ctx, String error) {
        vertx.executeBlocking(() -> archive.list(Optional.empty(), Optional.empty()), false)
                .onSuccess(
                        (List<ArchivedReport> list) ->
                                ConsoleRoutes.html(
                                        ctx,
                                        422,
                                        ReportsPage.render(
                                                base,
                                                nav(ctx),
                                                ConsoleRoutes.session(ctx),
                                                list,
                                                thisMonth().minusMonths(1),
                                                error)))
                .onFailure(ctx::fail);
    }

    private YearMonth thisMonth() {
        return YearMonth.now(clock.withZone(config.reports().zone()));
    }

    private String nav(RoutingContext ctx) {
        return Html.nav(base, ConsoleRoutes.session(ctx), config.grafanaUrl());
    }

    private void back(RoutingContext ctx, String page, String flash) {
        ctx.response().setStatusCode(303).putHeader("Location", base + page + "?m=" + flash).end();
    }

    private static String flash(RoutingContext ctx) {
        String code = ctx.request().getParam("m");
        return code == null ? null : FLASH.get(code);
    }

    private static long idParam(RoutingContext ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
