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
 * at a deadline counted from its first read: past either, {@code read} throws {@link RequestTooLargeException},
 * so no reader holds more than the limit or waits on a trickling client for long.
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
        private long startedAt;

        Counting(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            check(0);
            int b;
            try {
                b = in.read();
            } catch (IOException e) {
                throw timedOut(e);
            }
            if (b >= 0) {
                check(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check(0);
            // never ask for more than one byte past the limit: enough to know it was passed
            int n;
            try {
                n = in.read(buffer, offset, (int) Math.min(length, limit - count + 1));
            } catch (IOException e) {
                throw timedOut(e);
            }
            if (n > 0) {
                check(n);
            }
            return n;
        }

        /** A read that waited longer than {@code server.tomcat.connection-timeout} is a slow body too. */
        private IOException timedOut(IOException e) {
            boolean timeout = e instanceof java.net.SocketTimeoutException
                    || e.getCause() instanceof java.net.SocketTimeoutException;
            return timeout ? RequestTooLargeException.tooSlow(Duration.ofNanos(timeoutNanos).toSeconds()) : e;
        }

        private void check(int read) throws IOException {
            if (startedAt == 0) {
                startedAt = System.nanoTime();
            } else if (System.nanoTime() - startedAt > timeoutNanos) {
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
