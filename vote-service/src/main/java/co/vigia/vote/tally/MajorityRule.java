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
        return required(kind, debate, round, false);
    }

    /**
     * @param generalAmnestyOrPardon the bill grants general amnesties or pardons for political crimes (art. 150-17):
     *                               two thirds of the members of each chamber
     */
    public static Majority required(BillKind kind, Debate debate, AmendmentRound round,
                                    boolean generalAmnestyOrPardon) {
        if (generalAmnestyOrPardon) {
            return Majority.TWO_THIRDS;
        }
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

    /** The articles a verdict cites: the Constitution's rule for the bill's kind beside Ley 5's definition. */
    public static String source(BillKind kind, Debate debate, Majority majority) {
        if (majority == Majority.ABSOLUTE && debate != Debate.OBJECTION_OVERRIDE && debate != Debate.INSISTENCE) {
            String article = switch (kind) {
                case STATUTORY -> "Const. art. 153";
                case ORGANIC -> "Const. art. 151";
                case EXTRAORDINARY_POWERS -> "Const. art. 150-10";
                case LEGISLATIVE_ACT -> "Const. art. 375";
                default -> null;
            };
            return article == null ? majority.source() : article + "; " + majority.source();
        }
        if (majority == Majority.ABSOLUTE) {
            return "Const. art. 167; " + majority.source();
        }
        return majority.source();
    }
}
