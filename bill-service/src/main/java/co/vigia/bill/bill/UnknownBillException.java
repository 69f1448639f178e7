package co.vigia.bill.bill;

/** A bill this service does not have: a client gets a 404, a consumer treats the event naming it as poison. */
public class UnknownBillException extends RuntimeException {

    private final String billId;

    public UnknownBillException(String billId) {
        super("bill '" + billId + "' does not exist");
        this.billId = billId;
    }

    public String billId() {
        return billId;
    }
}
