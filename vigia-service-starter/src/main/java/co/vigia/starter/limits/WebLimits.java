package co.vigia.starter.limits;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on what a caller may send, under {@code vigia.web.*}.
 *
 * @param maxBody         the largest request body on any path not listed in {@code largeBodies}
 * @param largeBodies     paths (exactly as written, after the context path) that read their body as a stream and
 *                        may take more
 * @param bodyReadTimeout how long the service waits, in all, for a body's bytes; a slower body is refused (408)
 * @param json            what one JSON document may hold
 * @param virtualThreads  requests on virtual threads (see {@link TomcatLimits})
 */
@ConfigurationProperties("vigia.web")
public record WebLimits(@DefaultValue("1MB") DataSize maxBody,
                        @DefaultValue List<LargeBody> largeBodies,
                        @DefaultValue("30s") Duration bodyReadTimeout,
                        @DefaultValue Json json,
                        @DefaultValue("true") boolean virtualThreads) {

    /** The limit of the body sent to {@code path}. */
    public long maxBodyFor(String path) {
        for (LargeBody large : largeBodies) {
            if (large.path().equals(path)) {
                return large.maxBody().toBytes();
            }
        }
        return maxBody.toBytes();
    }

    /** A path that streams its body, and how large that body may be. */
    public record LargeBody(String path, DataSize maxBody) {
    }

    /**
     * Jackson's {@code StreamReadConstraints} of every mapper the service's web layer uses.
     *
     * @param maxDocumentLength the longest JSON document (a streamed batch is bounded per item instead)
     * @param maxStringLength   the longest string value
     * @param maxNestingDepth   how deep objects and arrays may nest
     * @param maxNumberLength   the longest number, in digits
     */
    public record Json(@DefaultValue("1MB") DataSize maxDocumentLength,
                       @DefaultValue("262144") int maxStringLength,
                       @DefaultValue("32") int maxNestingDepth,
                       @DefaultValue("100") int maxNumberLength) {
    }
}
