package vn.speedwatch.collector.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Maps one result document of a third-party speed-test tool to a contract JSON object (the JSON
 * names of {@link vn.speedwatch.model.Measurement}), which then goes through the normal contract
 * validation. Adapters map and convert units; they do not re-check ranges.
 *
 * <p>The posted document is either the tool's bare result, or an envelope {@code {"result": <tool
 * result>, "context": {<contract fields>}}} when the resident's app adds what the tool cannot know.
 * A document is an envelope when it has a {@code result} member and no members besides {@code
 * result} and {@code context}; a bare result with a {@code context} member is also accepted. {@link
 * ResultAdapters#withContext} builds the envelope from fields given as query parameters. From the
 * context:
 *
 * <ul>
 *   <li>{@code operator}, {@code accessType}, {@code tdpCode}, {@code note}, {@code
 *       planDownloadMbps}, {@code planUploadMbps}, {@code latitude}, {@code longitude}, {@code
 *       accuracyM} and {@code consent} are copied and win over what the tool reported (the
 *       resident's operator overrides the ISP the tool guessed); numbers may be decimal text with a
 *       comma ("85,3"), as query parameters arrive as text;
 *   <li>{@code measuredAt}, {@code server} and {@code ipVersion} only fill gaps the tool left;
 *   <li>the measured values ({@code id}, {@code downloadMbps}, {@code uploadMbps}, {@code
 *       latencyMs}, {@code jitterMs}, {@code packetLossPercent}, {@code loadedLatencyMs}) come from
 *       the result only and are refused in a context;
 *   <li>anything else is ignored and never copied.
 * </ul>
 *
 * <p>Violation pointers point into the posted document, so inside an envelope they start with
 * {@code /result} or {@code /context}. No IP address of the tool's output is ever copied: only the
 * IP version is derived from it. {@code client} is always set, and {@code id} is the tool's own
 * UUID when it has one, otherwise a name-based UUID of the canonical result (without its address
 * fields), so that re-posting the same result dedupes.
 */
public interface ResultAdapter {

    /** Value of the ?format= parameter, e.g. "ookla". */
    String format();

    /**
     * Maps one third-party result document to a contract JSON object (the Measurement JSON names).
     *
     * @throws AdapterException with every violation found, when the document cannot be mapped
     */
    ObjectNode toContract(JsonNode source);
}
