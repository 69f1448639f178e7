package co.vigia.notify.email;

/** bill-service's stage names as a reader says them (plain Java). */
final class StageNames {

    private StageNames() {
    }

    static String of(String stage, Language language) {
        if (stage == null) {
            return "?";
        }
        return switch (stage) {
            case "FILED" -> language.pick("radicado", "filed");
            case "FIRST_DEBATE" -> language.pick("primer debate (comisión)", "first debate (committee)");
            case "SECOND_DEBATE" -> language.pick("segundo debate (plenaria)", "second debate (plenary)");
            case "THIRD_DEBATE" -> language.pick("tercer debate (comisión de la otra cámara)",
                    "third debate (the other chamber's committee)");
            case "FOURTH_DEBATE" -> language.pick("cuarto debate (plenaria de la otra cámara)",
                    "fourth debate (the other chamber's plenary)");
            case "JOINT_COMMITTEES" -> language.pick("comisiones conjuntas", "joint committees");
            case "CONCILIATION" -> language.pick("conciliación", "conciliation");
            case "COURT_PRIOR_REVIEW" -> language.pick("revisión previa de la Corte Constitucional",
                    "Constitutional Court prior review");
            case "SENT_TO_SANCTION" -> language.pick("enviado a sanción presidencial", "sent to the president");
            case "OBJECTED_UNCONSTITUTIONALITY" -> language.pick("objetado por inconstitucionalidad",
                    "objected as unconstitutional");
            case "OBJECTED_INCONVENIENCE" -> language.pick("objetado por inconveniencia", "objected as inconvenient");
            case "INSISTED" -> language.pick("insistencia del Congreso", "Congress insisted");
            case "COURT_REVIEW_OF_OBJECTION" -> language.pick("objeción en la Corte Constitucional",
                    "objection before the Constitutional Court");
            case "SANCTIONED" -> language.pick("sancionado como ley", "signed into law");
            case "ARCHIVED" -> language.pick("archivado", "archived");
            case "WITHDRAWN" -> language.pick("retirado", "withdrawn");
            default -> stage.toLowerCase().replace('_', ' ');
        };
    }
}
