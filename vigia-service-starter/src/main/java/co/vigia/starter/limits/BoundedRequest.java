package co.vigia.starter.limits;

import co.vigia.starter.web.RequestTooLargeException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A request whose body stops at {@code limit} bytes (a chunked body has no Content-Length to check beforehand) and
 * once the reads have waited {@code timeout} in all for the client's bytes: past either, {@code read} throws
 * {@link RequestTooLargeException}, so no reader holds more than the limit or waits on a trickling client for long.
 * Only the waits count, not the time the handler spends between reads (a streamed batch records as it reads).
 */
final class BoundedRequest extends HttpServletRequestWrapper {

    private final long limit;
    private final long timeoutNanos;
    private ServletInputStream stream;
    private BufferedReader reader;

    BoundedRequest(HttpServletRequest request, long limit, Duration timeout) {
        super(request);
        this.limit = limit;
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new Counting(super.getInputStream());
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return reader;
    }

    private final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private long count;
        private long waited;

        Counting(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            long started = System.nanoTime();
            int b;
            try {
                b = in.read();
            } catch (IOException e) {
                throw timedOut(e);
            }
            waited += System.nanoTime() - started;
            check(b >= 0 ? 1 : 0);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // never ask for more than one byte past the limit: enough to know it was passed
            long started = System.nanoTime();
            int n;
            try {
                n = in.read(buffer, offset, (int) Math.min(length, limit - count + 1));
            } catch (IOException e) {
                throw timedOut(e);
            }
            waited += System.nanoTime() - started;
            check(Math.max(n, 0));
            return n;
        }

        /** A read that waited longer than {@code server.tomcat.connection-timeout} is a slow body too. */
        private IOException timedOut(IOException e) {
            boolean timeout = e instanceof java.net.SocketTimeoutException
                    || e.getCause() instanceof java.net.SocketTimeoutException;
            return timeout ? RequestTooLargeException.tooSlow(Duration.ofNanos(timeoutNanos).toSeconds()) : e;
        }

        private void check(int read) throws IOException {
            if (waited > timeoutNanos) {
                throw RequestTooLargeException.tooSlow(Duration.ofNanos(timeoutNanos).toSeconds());
            }
            count += read;
            if (count > limit) {
                throw RequestTooLargeException.body(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
