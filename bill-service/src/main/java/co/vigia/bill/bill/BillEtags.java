package co.vigia.bill.bill;

import java.time.LocalDate;
import java.util.Arrays;

/** ETags of bill reads: the document version, plus today's date where deadlines are shown (they count down daily). */
public final class BillEtags {

    private BillEtags() {
    }

    public static String bill(Bill bill, LocalDate today) {
        return "\"" + bill.getId() + "-v" + bill.getVersion() + "-" + today + "\"";
    }

    public static String timeline(Bill bill) {
        return "\"" + bill.getId() + "-v" + bill.getVersion() + "\"";
    }

    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }
}
