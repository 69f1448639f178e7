package co.vigia.notify.delivery;

import co.vigia.devstack.test.TestInfrastructure;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A database of its own for one test, on real MongoDB or the embedded server, dropped when closed. */
public final class ScratchDatabase implements AutoCloseable {

    private final MongoClient client;
    public final MongoTemplate mongo;

    public ScratchDatabase(String prefix) {
        this(prefix, null);
    }

    /** One whose client tells {@code commands} every command it sends (to count round trips); null for none. */
    public ScratchDatabase(String prefix, CommandListener commands) {
        String database = prefix + "-" + UUID.randomUUID();
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestInfrastructure.endpoints().mongoUri(database)));
        if (commands != null) {
            settings.addCommandListener(commands);
        }
        client = MongoClients.create(settings.build());
        mongo = new MongoTemplate(client, database);
    }

    @Override
    public void close() {
        mongo.getDb().drop();
        client.close();
    }
}
