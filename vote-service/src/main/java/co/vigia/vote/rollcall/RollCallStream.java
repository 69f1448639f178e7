package co.vigia.vote.rollcall;

import co.vigia.starter.web.ApiProblem;
import co.vigia.starter.web.JsonErrors;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import co.vigia.starter.web.RequestTooLargeException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The roll calls of a batch body, one at a time: a JSON array read element by element with Jackson's streaming
 * parser, or NDJSON line by line; neither the body nor the items read before are held. Each item is bounded
 * ({@link BatchLimits#maxItemSize()}) and so is their number; a body that breaks either, or that is not JSON, stops
 * the stream with a problem naming the item or line.
 */
final class RollCallStream implements AutoCloseable {

    private final ItemBounded in;
    private final BatchLimits limits;
    private final ObjectReader element;
    private final JsonMapper json;
    private final JsonParser parser;
    private int count;
    private int line;

    RollCallStream(InputStream body, boolean ndjson, JsonMapper json, BatchLimits limits) {
        this.in = new ItemBounded(new java.io.BufferedInputStream(body, 8 * 1024), limits.maxItemSize().toBytes());
        this.limits = limits;
        this.json = json;
        // one element at a time from the open array, so the rest of the array is not a "trailing token"
        this.element = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.parser = ndjson ? null : arrayParser();
    }

    /** The next item's JSON, or null at the end of the body. */
    JsonNode next() throws IOException {
        JsonNode node = parser == null ? nextLine() : nextElement();
        if (node != null && ++count > limits.maxItems()) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large", "Too many roll calls",
                    "a batch holds at most " + limits.maxItems() + " roll calls; split it");
        }
        return node;
    }

    /** How many items were read. */
    int count() {
        return count;
    }

    private JsonParser arrayParser() {
        // the whole body is bounded by vigia.web.large-bodies and each item below: no document length of its own
        JsonParser p = json.tokenStreamFactory().rebuild()
                .streamReadConstraints(json.tokenStreamFactory().streamReadConstraints().rebuild()
                        .maxDocumentLength(-1).build())
                .build().createParser(ObjectReadContext.empty(), in);
        try {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw malformed("the body must be a JSON array of roll calls (or NDJSON with Content-Type "
                        + RollCallBatchController.NDJSON + ")");
            }
        } catch (JacksonException e) {
            throw malformed("the body is not JSON: " + reason(e));
        }
        return p;
    }

    private JsonNode nextElement() {
        try {
            in.startItem();
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                if (parser.nextToken() != null) {
                    throw malformed("there is more after the closing ']' of the array");
                }
                return null;
            }
            if (token == null) {
                throw malformed("the JSON array is not closed");
            }
            return element.readValue(parser);
        } catch (JacksonException e) {
            throw malformed("item " + count + " is not JSON: " + reason(e));
        }
    }

    private JsonNode nextLine() throws IOException {
        while (true) {
            in.startItem();
            byte[] bytes = in.readLine();
            if (bytes == null) {
                return null;
            }
            line++;
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                continue;
            }
            try {
                return json.readTree(text);
            } catch (JacksonException e) {
                throw malformed("line " + line + " is not JSON: " + JsonErrors.reason(e));
            }
        }
    }

    /** Jackson's reason; a limit of the body or of an item that Jackson wrapped is thrown as itself. */
    private static String reason(JacksonException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiProblem limit) {
                throw limit;
            }
        }
        RequestTooLargeException tooLarge = RequestTooLargeException.in(e);
        if (tooLarge != null) {
            throw new java.io.UncheckedIOException(tooLarge);
        }
        return JsonErrors.reason(e);
    }

    private static ApiProblem malformed(String detail) {
        return ApiProblem.badRequest("malformed-body", "Malformed request body", detail);
    }

    @Override
    public void close() {
        if (parser != null) {
            parser.close();
        }
    }

    /** The body, counting the bytes of the current item: past the limit it refuses to go on. */
    private final class ItemBounded extends FilterInputStream {

        private final long max;
        private long item;

        ItemBounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        void startItem() {
            item = 0;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        /** One NDJSON line without its end, or null at the end of the body; never longer than the item limit. */
        byte[] readLine() throws IOException {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            int b;
            while ((b = read()) >= 0 && b != '\n') {
                if (b != '\r') {
                    bytes.write(b);
                }
            }
            return b < 0 && bytes.size() == 0 ? null : bytes.toByteArray();
        }

        private void count(int n) {
            item += n;
            // the array parser reads ahead in buffers of 8 KB, so an element is measured to within one buffer
            if (item > max + (parser == null ? 0 : 16 * 1024)) {
                throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "item-too-large", "Roll call too large",
                        (parser == null ? "line " + (line + 1) : "item " + count) + " is larger than "
                                + max + " bytes");
            }
        }
    }
}
