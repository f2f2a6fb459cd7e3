package vn.speedwatch.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The published measurement JSON Schema, as a document and as a draft 2020-12 validator. */
final class ContractSchema {

    static final String RESOURCE = "schema/measurement-v1.schema.json";

    private ContractSchema() {}

    static JsonNode document() {
        try (InputStream in = ContractSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonSchema validator() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document());
    }
}
