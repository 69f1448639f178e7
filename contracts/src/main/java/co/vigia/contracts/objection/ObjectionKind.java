package co.vigia.contracts.objection;

/** What an institutional record is (arts. 165-167, 241). */
public enum ObjectionKind {
    OPINION,
    PRESIDENTIAL_OBJECTION_UNCONSTITUTIONALITY,
    PRESIDENTIAL_OBJECTION_INCONVENIENCE,
    COURT_RULING;

    public boolean isPresidentialObjection() {
        return this == PRESIDENTIAL_OBJECTION_UNCONSTITUTIONALITY || this == PRESIDENTIAL_OBJECTION_INCONVENIENCE;
    }
}
