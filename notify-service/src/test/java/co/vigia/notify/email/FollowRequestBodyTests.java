package co.vigia.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.vigia.starter.web.ApiProblem;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowRequestBodyTests {

    @Test
    void theAddressIsLowerCasedAndTheDefaultsFilledIn() {
        FollowRequest request = new FollowRequestBody(" Ana@ONG.example ", List.of("b", "b", "c"), null, null, null,
                null, null).check();
        assertThat(request.address()).isEqualTo("ana@ong.example");
        assertThat(request.billIds()).containsExactly("b", "c");
        assertThat(request.families()).isEqualTo(EnumSet.allOf(EventFamily.class));
        assertThat(request.cadence()).isEqualTo(Cadence.INSTANT);
        assertThat(request.digestHour()).isEqualTo(7);
        assertThat(request.language()).isEqualTo(Language.ES);
    }

    @Test
    void anythingButAPlainAddressIsRefusedNamingTheField() {
        for (String address : List.of("ana", "Ana <ana@ong.example>", "ana@ong", "a|b@ong.example", "@ong.example",
                "ana@ong.example, bea@ong.example")) {
            assertThatThrownBy(() -> new FollowRequestBody(address, null, null, null, null, null, null).check())
                    .as(address).isInstanceOf(ApiProblem.class).hasMessageStartingWith("address:");
        }
    }

    @Test
    void theSameBillsAndTopicsInAnyOrderAreTheSameFollow() {
        FollowRequest one = new FollowRequestBody("ana@ong.example", List.of("a", "b"), List.of("t"), null, null, null,
                null).check();
        FollowRequest other = new FollowRequestBody("ANA@ong.example", List.of("b", "a"), List.of("t"), null,
                Cadence.DAILY, 9, Language.EN).check();
        FollowRequest topicOnly = new FollowRequestBody("ana@ong.example", List.of(), List.of("a", "b", "t"), null,
                null, null, null).check();
        assertThat(EmailFollows.followId(one)).isEqualTo(EmailFollows.followId(other))
                .isNotEqualTo(EmailFollows.followId(topicOnly));
    }
}
