package co.vigia.notify.delivery;

import co.vigia.devstack.test.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A database of its own for one test, on real MongoDB or the embedded server, dropped when closed. */
final class ScratchDatabase implements AutoCloseable {

    private final MongoClient client;
    final MongoTemplate mongo;

    ScratchDatabase(String prefix) {
        String database = prefix + "-" + UUID.randomUUID();
        client = MongoClients.create(TestInfrastructure.endpoints().mongoUri(database));
        mongo = new MongoTemplate(client, database);
    }

    @Override
    public void close() {
        mongo.getDb().drop();
        client.close();
    }
}
