package co.vigia.vote.billfacts;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface BillFactsRepository extends MongoRepository<BillFactsDocument, String> {
}
