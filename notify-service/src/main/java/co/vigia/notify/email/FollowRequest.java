package co.vigia.notify.email;

import java.util.List;
import java.util.Set;

/** A checked request to follow (see {@link FollowRequestBody#check}): the address lower-cased, lists de-duplicated. */
public record FollowRequest(String address, List<String> billIds, List<String> topics, Set<EventFamily> families,
                            Cadence cadence, int digestHour, Language language) {
}
