package co.vigia.contracts.objection;

/** Who issued an opinion or objection. Only the president's objections can move a bill. */
public enum ObjectionAuthor {
    /** Fiscal General de la Nación: opinions only, no veto. */
    ATTORNEY_GENERAL,
    /** Procurador General de la Nación. */
    INSPECTOR_GENERAL,
    PRESIDENT,
    CONSTITUTIONAL_COURT,
    /** Consejo Superior de Política Criminal: its prior opinion is required, not binding. */
    CRIMINAL_POLICY_COUNCIL,
    OTHER
}
