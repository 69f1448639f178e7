package co.vigia.web.bill;

import co.vigia.web.record.Stage;
import co.vigia.contracts.BillKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A bill's procedure drawn as a path (Constitution arts. 157-167): filing, four debates (or, when the government
 * asked for joint deliberation, joint committees and the two plenaries, art. 163), conciliation when the plenaries differ (art. 161), the
 * Court's prior review of a statutory bill (art. 153), sanction or objection (arts. 165-167), the law. Each step says
 * whether it is done, where the bill stands, where it stopped, not reached, or skipped. Plain Java: no Spring.
 */
public final class ProcedurePath {

    public enum Step { FILING, FIRST_DEBATE, JOINT_COMMITTEES, SECOND_DEBATE, THIRD_DEBATE, FOURTH_DEBATE,
        CONCILIATION, COURT, SANCTION, LAW }

    public enum State { DONE, CURRENT, STOPPED, AHEAD, SKIPPED }

    public record Point(Step step, State state) {
    }

    private ProcedurePath() {
    }

    /**
     * @param stage       where the bill is now
     * @param stagesSeen  every stage its timeline shows it in (to find where a closed bill stopped)
     * @param jointRequested whether the government asked for joint deliberation (art. 163): urgency alone does not
     *                       join the committees
     */
    public static List<Point> of(Stage stage, Collection<Stage> stagesSeen, BillKind kind, boolean jointRequested) {
        boolean joint = jointRequested || stagesSeen.contains(Stage.JOINT_COMMITTEES)
                || stage == Stage.JOINT_COMMITTEES;
        List<Step> steps = steps(kind, joint);
        boolean conciliated = stagesSeen.contains(Stage.CONCILIATION) || stage == Stage.CONCILIATION;
        boolean courtSeen = stagesSeen.contains(Stage.COURT_PRIOR_REVIEW)
                || stagesSeen.contains(Stage.COURT_REVIEW_OF_OBJECTION) || stage == Stage.COURT_PRIOR_REVIEW
                || stage == Stage.COURT_REVIEW_OF_OBJECTION;
        Step reached = switch (stage) {
            case SANCTIONED -> Step.LAW;
            case ARCHIVED, WITHDRAWN, UNKNOWN -> furthest(stagesSeen, joint);
            default -> stepOf(stage, joint);
        };
        int at = steps.indexOf(reached);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            State state;
            if (stage == Stage.SANCTIONED) {
                state = optionalSkipped(step, conciliated, courtSeen, kind) ? State.SKIPPED : State.DONE;
            } else if (i < at) {
                state = optionalSkipped(step, conciliated, courtSeen, kind) ? State.SKIPPED : State.DONE;
            } else if (i == at) {
                state = stage.isClosed() || stage == Stage.UNKNOWN ? State.STOPPED : State.CURRENT;
            } else {
                state = State.AHEAD;
            }
            points.add(new Point(step, state));
        }
        return points;
    }

    /** The step after the current one, if the bill is still moving. */
    public static Step next(List<Point> path) {
        for (int i = 0; i < path.size() - 1; i++) {
            if (path.get(i).state() == State.CURRENT) {
                return path.get(i + 1).step();
            }
        }
        return null;
    }

    private static List<Step> steps(BillKind kind, boolean joint) {
        List<Step> steps = new ArrayList<>(List.of(Step.FILING));
        if (joint) {
            steps.addAll(List.of(Step.JOINT_COMMITTEES, Step.SECOND_DEBATE, Step.FOURTH_DEBATE));
        } else {
            steps.addAll(List.of(Step.FIRST_DEBATE, Step.SECOND_DEBATE, Step.THIRD_DEBATE, Step.FOURTH_DEBATE));
        }
        steps.add(Step.CONCILIATION);
        if (kind == BillKind.STATUTORY) {
            steps.addAll(List.of(Step.COURT, Step.SANCTION)); // art. 153: the Court reviews before sanction
        } else {
            steps.addAll(List.of(Step.SANCTION, Step.COURT)); // art. 167: only an insisted objection goes to it
        }
        steps.add(Step.LAW);
        return steps;
    }

    /** Conciliation is only for plenaries that differ; the Court only for statutory bills and insisted objections. */
    private static boolean optionalSkipped(Step step, boolean conciliated, boolean courtSeen, BillKind kind) {
        return (step == Step.CONCILIATION && !conciliated)
                || (step == Step.COURT && !courtSeen && kind != BillKind.STATUTORY);
    }

    /** The step a stage waits in; a filed bill waits for its first debate. */
    static Step stepOf(Stage stage, boolean joint) {
        return switch (stage) {
            case FILED, FIRST_DEBATE, REJECTED_IN_COMMITTEE -> joint ? Step.JOINT_COMMITTEES : Step.FIRST_DEBATE;
            case JOINT_COMMITTEES -> Step.JOINT_COMMITTEES;
            case SECOND_DEBATE -> Step.SECOND_DEBATE;
            case THIRD_DEBATE -> joint ? Step.FOURTH_DEBATE : Step.THIRD_DEBATE;
            case FOURTH_DEBATE -> Step.FOURTH_DEBATE;
            case CONCILIATION -> Step.CONCILIATION;
            case COURT_PRIOR_REVIEW, COURT_REVIEW_OF_OBJECTION -> Step.COURT;
            case SENT_TO_SANCTION, OBJECTED_UNCONSTITUTIONALITY, OBJECTED_INCONVENIENCE, INSISTED,
                 RETURNED_TO_CHAMBER_OF_ORIGIN -> Step.SANCTION;
            case SANCTIONED -> Step.LAW;
            case ARCHIVED, WITHDRAWN, UNKNOWN -> Step.FIRST_DEBATE;
        };
    }

    private static Step furthest(Collection<Stage> seen, boolean joint) {
        Step furthest = joint ? Step.JOINT_COMMITTEES : Step.FIRST_DEBATE;
        for (Stage s : seen) {
            if (!s.isClosed() && s != Stage.UNKNOWN) {
                Step step = stepOf(s, joint);
                if (step.ordinal() > furthest.ordinal() && step != Step.LAW) {
                    furthest = step;
                }
            }
        }
        return furthest;
    }
}
