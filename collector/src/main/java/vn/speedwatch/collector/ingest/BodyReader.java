package vn.speedwatch.collector.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request body into {@link BodyItem}s: one JSON object, a JSON array (a batch) or NDJSON
 * (one object per line). Anything that is not readable becomes a precise {@link BodyError}.
 *
 * <p>The reader is strict on purpose: invalid UTF-8, trailing garbage, duplicate keys, NaN, very
 * long numbers and deep nesting are refused here, before any field is looked at.
 */
public final class BodyReader {

    private static final int MAX_DEPTH = 16;
    private static final int MAX_NUMBER_LENGTH = 64;

    private final ObjectReader reader;
    private final int maxBatch;

    public BodyReader(int maxBatch) {
        JsonFactory factory =
                JsonFactory.builder()
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .streamReadConstraints(
                                StreamReadConstraints.builder()
                                        .maxNestingDepth(MAX_DEPTH)
                                        .maxNumberLength(MAX_NUMBER_LENGTH)
                                        .build())
                        .build();
        this.reader =
                new ObjectMapper(factory)
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .reader();
        this.maxBatch = maxBatch;
    }

    /** The items of a body, or throws {@link BodyError} if the body as a whole is unusable. */
    public List<BodyItem> read(byte[] body, boolean ndjson) {
        String text = decode(body);
        if (text.isBlank()) {
            throw BodyError.malformed("Nội dung gửi lên đang trống", "The body is empty");
        }
        return ndjson ? readLines(text) : readDocument(text);
    }

    private List<BodyItem> readDocument(String text) {
        JsonNode root;
        try {
            root = reader.readTree(text);
        } catch (JsonProcessingException e) {
            throw BodyError.malformed(
                    "Nội dung gửi lên không phải JSON hợp lệ: " + detail(e),
                    "The body is not valid JSON: " + detail(e));
        }
        if (!root.isArray()) {
            return List.of(BodyItem.of(0, root));
        }
        if (root.isEmpty()) {
            throw BodyError.invalid("Danh sách kết quả đang trống", "The batch is empty");
        }
        checkBatchSize(root.size());
        List<BodyItem> items = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            items.add(BodyItem.of(i, root.get(i)));
        }
        return items;
    }

    private List<BodyItem> readLines(String text) {
        List<BodyItem> items = new ArrayList<>();
        int index = 0;
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            checkBatchSize(index + 1);
            items.add(readLine(index++, line));
        }
        return items;
    }

    private BodyItem readLine(int index, String line) {
        try {
            return BodyItem.of(index, reader.readTree(line));
        } catch (JsonProcessingException e) {
            return BodyItem.broken(
                    index,
                    new vn.speedwatch.model.Violation(
                            "/" + index,
                            "Dòng " + (index + 1) + " không phải JSON hợp lệ: " + detail(e),
                            "Line " + (index + 1) + " is not valid JSON: " + detail(e)));
        }
    }

    private void checkBatchSize(int size) {
        if (size > maxBatch) {
            throw BodyError.tooLarge(
                    "Mỗi lần gửi tối đa " + maxBatch + " kết quả",
                    "A batch may hold at most " + maxBatch + " measurements");
        }
    }

    private static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw BodyError.malformed(
                    "Nội dung gửi lên không phải văn bản UTF-8 hợp lệ",
                    "The body is not valid UTF-8 text");
        }
    }

    /** The parser's message without the source excerpt, which may echo personal data. */
    private static String detail(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "syntax error";
        }
        String firstLine = m.lines().findFirst().orElse("syntax error");
        String where =
                e.getLocation() == null
                        ? ""
                        : " (line "
                                + e.getLocation().getLineNr()
                                + ", column "
                                + e.getLocation().getColumnNr()
                                + ")";
        return (firstLine.length() > 160 ? firstLine.substring(0, 160) : firstLine) + where;
    }
}
