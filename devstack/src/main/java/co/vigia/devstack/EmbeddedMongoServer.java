package co.vigia.devstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An in-process server that speaks MongoDB's wire protocol (mongo-java-server): in memory, or kept on
 * disk in an H2 file when a data directory is given. It has no transactions and no change streams, which
 * Vigía does not use.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private final int port;
    private final Path dataFile;
    private MongoServer server;

    /** @param dataFile where to keep the data, or {@code null} for memory only */
    public EmbeddedMongoServer(int port, Path dataFile) {
        this.port = port;
        this.dataFile = dataFile;
    }

    public synchronized EmbeddedMongoServer start() {
        if (server == null) {
            MongoBackend backend;
            if (dataFile == null) {
                backend = new MemoryBackend();
            } else {
                try {
                    Files.createDirectories(dataFile.getParent());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                backend = new H2Backend(dataFile.toString());
            }
            MongoServer s = new MongoServer(backend);
            s.bind("localhost", port);
            server = s;
        }
        return this;
    }

    public String uri(String database) {
        return "mongodb://localhost:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
