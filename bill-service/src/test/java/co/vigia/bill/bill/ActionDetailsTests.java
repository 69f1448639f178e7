package co.vigia.bill.bill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.vigia.bill.procedure.ActionType;
import co.vigia.bill.procedure.PublicationKind;
import co.vigia.contracts.Debate;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** The details a clerk action carries: each missing or inconsistent one is refused, naming its field. */
class ActionDetailsTests {

    static BillRequests.RecordAction action(ActionType type, LocalDate forSession, PublicationKind publication,
                                            String gaceta, LocalTime start, LocalTime end) {
        return new BillRequests.RecordAction(type, LocalDate.of(2026, 11, 10), null, null, null, null, null,
                Debate.FIRST, forSession, publication, gaceta, null, "Comisión Primera del Senado", start, end, null,
                null);
    }

    @Test
    void art160_anAnnouncementNamesALaterSession() {
        assertThatThrownBy(() -> ActionDetails.validate(action(ActionType.ANNOUNCED, null, null, null, null, null)))
                .isInstanceOf(InvalidFieldsException.class).hasMessageContaining("forSession");
        assertThatThrownBy(() -> ActionDetails.validate(action(ActionType.ANNOUNCED, LocalDate.of(2026, 11, 10), null,
                null, null, null))).hasMessageContaining("must be after date");
        ActionDetails.validate(action(ActionType.ANNOUNCED, LocalDate.of(2026, 11, 17), null, null, null, null));
    }

    @Test
    void art157_161_aPublicationNamesWhatAndItsGaceta() {
        assertThatThrownBy(() -> ActionDetails.validate(action(ActionType.PUBLISHED, null, null, null, null, null)))
                .isInstanceOf(InvalidFieldsException.class).hasMessageContaining("2 fields are invalid");
        BillRequests.RecordAction published = action(ActionType.PUBLISHED, null, PublicationKind.BILL_TEXT, "1500",
                null, null);
        ActionDetails.validate(published);
        assertThat(ActionDetails.describe(published)).contains("the bill in Gaceta del Congreso 1500");
        assertThatThrownBy(() -> ActionDetails.validate(action(ActionType.NOTE, null, null, "1500", null, null)))
                .hasMessageContaining("gacetaNumber");
    }

    @Test
    void aSessionHeldKeepsItsBodyAndTimes() {
        assertThatThrownBy(() -> ActionDetails.validate(action(ActionType.SESSION_HELD, null, null, null,
                LocalTime.of(15, 0), LocalTime.of(9, 0)))).hasMessageContaining("endTime");
        BillRequests.RecordAction session = action(ActionType.SESSION_HELD, null, null, null, LocalTime.of(9, 0),
                LocalTime.of(13, 30));
        assertThat(ActionDetails.describe(session)).isEqualTo("Session held (FIRST debate): Comisión Primera del Senado, 09:00-13:30");
    }
}
