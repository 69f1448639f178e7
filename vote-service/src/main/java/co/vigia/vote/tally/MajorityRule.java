package co.vigia.vote.tally;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Debate;

/**
 * Which majority a roll call needs, by the bill's kind and the debate (Const. arts. 146, 150-10, 151, 153,
 * 167, 375; Ley 5 de 1992, art. 117).
 */
public final class MajorityRule {

    private MajorityRule() {
    }

    /**
     * @param round only read for a legislative act; {@code null} means the first round
     */
    public static Majority required(BillKind kind, Debate debate, AmendmentRound round) {
        // Art. 167: a bill objected to by the government passes again only with "la mitad más uno de los
        // miembros" of each chamber, both when overriding an objection of inconvenience and when insisting
        // against one of unconstitutionality (Ley 5 de 1992, art. 117-2 lists it among the absolute majorities).
        if (debate == Debate.OBJECTION_OVERRIDE || debate == Debate.INSISTENCE) {
            return Majority.ABSOLUTE;
        }
        return switch (kind) {
            // Art. 153: statutory laws need the absolute majority of the members of Congress.
            case STATUTORY -> Majority.ABSOLUTE;
            // Art. 151: organic laws need the absolute majority of the votes of the members of each chamber.
            case ORGANIC -> Majority.ABSOLUTE;
            // Art. 150-10: granting extraordinary powers needs the absolute majority of each chamber's members.
            case EXTRAORDINARY_POWERS -> Majority.ABSOLUTE;
            // Art. 375: majority of those present in the first period, of the members in the second.
            case LEGISLATIVE_ACT -> round == AmendmentRound.SECOND_ROUND ? Majority.ABSOLUTE : Majority.SIMPLE;
            // Art. 146: every other decision by the majority of the votes of those present.
            case ORDINARY, TREATY_APPROVAL, DEVELOPMENT_PLAN, BUDGET -> Majority.SIMPLE;
        };
    }
}
