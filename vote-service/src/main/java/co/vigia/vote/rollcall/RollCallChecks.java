package co.vigia.vote.rollcall;

import co.vigia.contracts.Ids;
import co.vigia.starter.web.ApiProblem.FieldProblem;
import co.vigia.vote.tally.Counts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Consistency of a roll call beyond field presence: one member once, no more votes than seats, no date in
 * the future, a body that holds that debate. Every problem is reported, with its field.
 */
public final class RollCallChecks {

    private RollCallChecks() {
    }

    public static List<FieldProblem> check(RollCallRequest roll, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean hasMembers = roll.members() != null && !roll.members().isEmpty();
        if (hasMembers && roll.totals() != null) {
            problems.add(new FieldProblem("totals", "give either the members' votes or the totals, not both"));
        }
        if (!hasMembers && roll.totals() == null && roll.declaredOutcome() == null) {
            problems.add(new FieldProblem("members", "a roll call needs the members' votes or, without names, its"
                    + " totals (or, for an ordinary vote under Ley 1431 de 2011, its declaredOutcome)"));
        }
        if (roll.totals() != null && roll.totals().no() == null && roll.declaredOutcome() == null) {
            problems.add(new FieldProblem("totals.no", "must not be null unless the vote is recorded by its"
                    + " declaredOutcome (an ordinary vote whose record gives only the votes in favour)"));
        }
        if (hasMembers && roll.declaredOutcome() != null) {
            problems.add(new FieldProblem("declaredOutcome",
                    "a roll call with the members' votes is tallied from them"));
        }
        if (roll.seats() == null && roll.declaredOutcome() == null) {
            problems.add(new FieldProblem("seats", "must not be null (only an ordinary vote recorded by its"
                    + " declaredOutcome may leave out what its record does not give)"));
        }
        if (roll.vacantSeats() != null && roll.seats() != null && roll.vacantSeats() >= roll.seats()) {
            problems.add(new FieldProblem("vacantSeats", "must be fewer than seats"));
        }
        if (hasMembers) {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < roll.members().size(); i++) {
                MemberVote member = roll.members().get(i);
                if (!memberIsComplete(member, i, problems)) {
                    continue;
                }
                Integer first = seen.putIfAbsent(member.memberId(), i);
                if (first != null) {
                    problems.add(new FieldProblem("members[" + i + "].memberId",
                            "member '" + member.memberId() + "' voted twice (also members[" + first + "])"));
                }
            }
        }
        Counts counts = counts(roll);
        int base = roll.seats() == null ? 0 : roll.seats() - (roll.vacantSeats() == null ? 0 : roll.vacantSeats());
        if (roll.seats() != null && counts != null && counts.total() > base) {
            problems.add(new FieldProblem(hasMembers ? "members" : "totals",
                    counts.total() + " votes recorded for a body of " + base + " seats"
                            + (base < roll.seats() ? " that can be filled (art. 134)" : "")));
        }
        if (roll.date() != null && roll.date().isAfter(today)) {
            problems.add(new FieldProblem("date", roll.date() + " is in the future (today is " + today + ")"));
        }
        if (roll.body() != null && roll.body().kind() != null && roll.debate() != null
                && !roll.body().kind().holds(roll.debate())) {
            problems.add(new FieldProblem("debate", "a " + roll.body().kind() + " does not hold the "
                    + roll.debate() + " debate (Const. arts. 157, 161, 163, 167)"));
        }
        if (roll.body() != null && roll.body().kind() != null && roll.body().kind() != BodyKind.PLENARY
                && (roll.body().name() == null || roll.body().name().isBlank())) {
            problems.add(new FieldProblem("body.name", "name the committee that voted"));
        }
        return problems;
    }

    /** The field path ({@code members[i].name}) is built only for a problem: 188 members a roll call, thousands a batch. */
    private static boolean memberIsComplete(MemberVote member, int i, List<FieldProblem> problems) {
        if (member == null) {
            problems.add(new FieldProblem("members[" + i + "]", "must not be null"));
            return false;
        }
        int before = problems.size();
        text(member.memberId(), i, "memberId", 100, true, problems);
        text(member.name(), i, "name", 200, true, problems);
        text(member.party(), i, "party", 120, false, problems);
        if (member.vote() == null) {
            problems.add(new FieldProblem("members[" + i + "].vote",
                    "must be one of YES, NO, ABSTAIN, ABSENT, EXCUSED, IMPEDED"));
        }
        return problems.size() == before;
    }

    private static void text(String value, int i, String field, int max, boolean required, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem("members[" + i + "]." + field, "must not be blank"));
            }
        } else if (value.length() > max) {
            problems.add(new FieldProblem("members[" + i + "]." + field, "must be at most " + max + " characters"));
        } else if (!Ids.isPrintable(value)) {
            problems.add(new FieldProblem("members[" + i + "]." + field, Ids.PRINTABLE_MESSAGE));
        }
    }

    /** The counts of a roll call, from its members or its totals; null when it has neither. */
    public static Counts counts(RollCallRequest roll) {
        if (roll.members() != null && !roll.members().isEmpty()) {
            Counts counts = Counts.ZERO;
            for (MemberVote member : roll.members()) {
                if (member != null && member.vote() != null) {
                    counts = counts.plus(member.vote());
                }
            }
            return counts;
        }
        if (roll.totals() != null && roll.totals().yes() != null
                && (roll.totals().no() != null || roll.declaredOutcome() != null)) {
            return roll.totals().counts();
        }
        return roll.declaredOutcome() != null ? Counts.ZERO : null;
    }
}
