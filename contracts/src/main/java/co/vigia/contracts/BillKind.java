package co.vigia.contracts;

/**
 * The kinds of bill the Constitution names (arts. 150-152, 374-375); each carries its own rules in
 * bill-service (procedure) and vote-service (majorities).
 */
public enum BillKind {
    ORDINARY,
    /** Ley estatutaria, art. 152-153: absolute majority of members, one legislature, prior Court review. */
    STATUTORY,
    /** Ley orgánica, art. 151: absolute majority of members of each chamber. */
    ORGANIC,
    /** Acto legislativo, arts. 374-375: amends the Constitution; two periods, absolute majority in the second. */
    LEGISLATIVE_ACT,
    /** Ley aprobatoria de tratado, art. 150-16 and 241-10: Court review before ratification. */
    TREATY_APPROVAL,
    /** Ley del plan nacional de desarrollo, art. 341. */
    DEVELOPMENT_PLAN,
    /** Ley de presupuesto, arts. 346-349. */
    BUDGET,
    /** Ley de facultades extraordinarias, art. 150-10: absolute majority of members. */
    EXTRAORDINARY_POWERS
}
