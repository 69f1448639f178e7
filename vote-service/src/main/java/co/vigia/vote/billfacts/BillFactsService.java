package co.vigia.vote.billfacts;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Bill facts from the local read model first, from bill-service when the read model lacks the bill. */
@Service
public class BillFactsService {

    private final BillFactsReadModel readModel;
    private final BillServiceClient client;

    public BillFactsService(BillFactsReadModel readModel, BillServiceClient client) {
        this.readModel = readModel;
        this.client = client;
    }

    public BillFactsLookup lookup(String billId) {
        return answer(billId, readModel.find(billId).orElse(null));
    }

    /**
     * {@link #lookup} of many bills: the read model is asked once for all of them, bill-service only for those it
     * lacks. A batch of roll calls asked the read model once per bill, each a round trip waiting behind the batch's
     * other MongoDB work.
     */
    public Map<String, BillFactsLookup> lookupAll(Collection<String> billIds) {
        Map<String, BillFacts> local = readModel.findAll(billIds);
        Map<String, BillFactsLookup> answers = new HashMap<>();
        for (String billId : billIds) {
            answers.put(billId, answer(billId, local.get(billId)));
        }
        return answers;
    }

    /** The read model's facts when they say the bill's kind, else bill-service's answer. */
    private BillFactsLookup answer(String billId, BillFacts local) {
        return local != null && local.kind() != null ? new BillFactsLookup.Known(local) : askBillService(billId);
    }

    /** Asks bill-service even when the read model knows the bill: for checks that need its current stage. */
    public BillFactsLookup lookupFresh(String billId) {
        BillFactsLookup answer = client.fetch(billId);
        if (answer instanceof BillFactsLookup.Unavailable) {
            Optional<BillFacts> local = readModel.find(billId).filter(f -> f.kind() != null);
            if (local.isPresent()) {
                return new BillFactsLookup.Known(local.get());
            }
        }
        return answer;
    }

    private BillFactsLookup askBillService(String billId) {
        BillFactsLookup answer = client.fetch(billId);
        if (answer instanceof BillFactsLookup.Known known) {
            readModel.remember(known.facts());
        }
        return answer;
    }
}
