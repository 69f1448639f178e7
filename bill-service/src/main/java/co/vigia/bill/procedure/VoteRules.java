package co.vigia.bill.procedure;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.contracts.Debate;
import co.vigia.contracts.VoteOutcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** Tallied votes and where they move a bill (Constitution arts. 157, 159-161, 163, 165, 167, 375). */
final class VoteRules {

    private VoteRules() {
    }

    /**
     * Applies a tallied vote. Reality first: a vote breaking the art. 160 gaps is applied and flagged; a
     * vote for a debate the bill is not in is flagged and moves nothing; NO_QUORUM moves nothing.
     */
    static Outcome apply(Procedure p, Debate debate, Chamber chamber, VoteOutcome outcome, LocalDate date) {
        if (p.stage.isClosed() || !expects(p, debate)) {
            return new Outcome(null, List.of(new Defect(DefectRule.VOTE_OUT_OF_STAGE,
                    "a " + debate + " vote of " + date + " arrived while the bill is " + p.stage,
                    List.of(new Fact(date, "a " + debate + " vote" + (chamber == null ? "" : " in the " + chamber),
                            null)))));
        }
        List<Defect> defects = new ArrayList<>(ProcedureChecks.atVote(p, debate, date));
        if (outcome == VoteOutcome.NO_QUORUM) {
            return new Outcome(null, defects);
        }
        Outcome moved = outcome == VoteOutcome.PASSED ? passed(p, debate, chamber, date) : failed(p, debate, date);
        return new Outcome(moved.change(), defects);
    }

    /**
     * Whether a vote of this debate belongs to the current stage. After a joint first debate (art. 163) the two
     * plenaries may vote in either order: Ley 2272 passed the Senate plenary (24 Oct 2022) before the House, its
     * chamber of origin.
     */
    private static boolean expects(Procedure p, Debate debate) {
        if (p.jointCommittees && p.stage == Stage.SECOND_DEBATE && debate == Debate.FOURTH) {
            return p.passedOn.get(Debate.FOURTH.name()) == null;
        }
        return Stage.of(debate) == p.stage;
    }

    private static Outcome passed(Procedure p, Debate debate, Chamber chamber, LocalDate date) {
        return switch (debate) {
            case FIRST -> pass(p, debate, date, Stage.SECOND_DEBATE, "art. 157-2");
            case JOINT_COMMITTEES -> {
                p.jointCommittees = true;
                yield pass(p, debate, date, Stage.SECOND_DEBATE, "art. 163");
            }
            case SECOND -> {
                if (p.jointCommittees && p.passedOn.get(Debate.FOURTH.name()) != null) {
                    p.passedOn.put(debate.name(), date);
                    yield afterCongress(p, date); // the other plenary voted first (art. 163)
                }
                yield pass(p, debate, date, p.jointCommittees ? Stage.FOURTH_DEBATE : Stage.THIRD_DEBATE,
                        p.jointCommittees ? "art. 163" : "art. 157-3");
            }
            case THIRD -> pass(p, debate, date, Stage.FOURTH_DEBATE, "art. 157-2");
            case FOURTH -> {
                p.passedOn.put(debate.name(), date);
                // the other chamber's plenary voted before the chamber of origin's: the bill awaits that one
                yield p.stage == Stage.SECOND_DEBATE ? Outcome.none() : afterCongress(p, date);
            }
            case CONCILIATION -> {
                p.chambersInFavour.add(chamber);
                if (p.chambersInFavour.size() < 2) {
                    yield Outcome.none(); // art. 161: both plenaries must approve the conciliated text
                }
                p.conciliated = true;
                yield afterCongress(p, date);
            }
            case INSISTENCE -> {
                p.chambersInFavour.add(chamber);
                yield p.chambersInFavour.size() < 2 ? Outcome.none() : p.move(Stage.INSISTED, date, "art. 167");
            }
            case OBJECTION_OVERRIDE -> {
                p.chambersInFavour.add(chamber);
                if (p.chambersInFavour.size() < 2) {
                    yield Outcome.none();
                }
                p.objectionsExhausted = true;
                yield p.toSanction(date, "art. 167");
            }
        };
    }

    private static Outcome failed(Procedure p, Debate debate, LocalDate date) {
        return switch (debate) {
            // art. 159; Ley 5 de 1992 art. 166: a committee's rejection may be appealed to the plenary
            case FIRST, JOINT_COMMITTEES -> p.move(Stage.REJECTED_IN_COMMITTEE, date, "art. 159");
            // art. 157: a bill becomes law only if approved in each debate
            case SECOND, THIRD, FOURTH -> p.archive(ArchiveReason.REJECTED, date, "art. 157");
            case CONCILIATION -> p.archive(ArchiveReason.CONCILIATION_FAILED, date, "art. 161");
            case INSISTENCE, OBJECTION_OVERRIDE -> p.archive(ArchiveReason.OBJECTION_ACCEPTED, date, "art. 167");
        };
    }

    private static Outcome pass(Procedure p, Debate debate, LocalDate date, Stage next, String article) {
        p.passedOn.put(debate.name(), date);
        return p.move(next, date, article);
    }

    /** After the fourth debate (or conciliation): a second round, the Court, or the president. */
    private static Outcome afterCongress(Procedure p, LocalDate date) {
        if (p.kind == BillKind.LEGISLATIVE_ACT && p.round == 1) {
            // art. 375: a legislative act passes the four debates again in the next ordinary period
            StageChange change = new StageChange(p.stage, Stage.FIRST_DEBATE, null, "art. 375");
            p.round = 2;
            p.passedOn = new HashMap<>();
            p.jointCommittees = false;
            p.jointDeliberationRequested = false;
            p.conciliated = false;
            p.record.resetDebates();
            p.enter(Stage.FIRST_DEBATE, date);
            return new Outcome(change, List.of());
        }
        if (p.kind == BillKind.STATUTORY) {
            return p.move(Stage.COURT_PRIOR_REVIEW, date, "art. 153");
        }
        return p.toSanction(date, "art. 165");
    }
}
