package co.vigia.bill.procedure;

import co.vigia.contracts.Debate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the clerk recorded of a bill's debates: announcements (art. 160), sessions held, debate starts and
 * publications in the Gaceta (arts. 157-1, 161). A debate is "kept" once any of its proceedings is recorded: only
 * then does the absence of an announcement or a publication say something (nothing recorded is not a defect).
 */
public class DebateRecord {

    /** Art. 160: in the session of {@code announcedOn}, the vote was announced for that of {@code forSession}. */
    public record Announcement(String debate, LocalDate announcedOn, LocalDate forSession, String sourceUrl) {
    }

    public record Session(String debate, LocalDate date, String sourceUrl) {
    }

    public record Publication(PublicationKind kind, String debate, String gacetaNumber, LocalDate gacetaDate,
                              String sourceUrl) {
    }

    private List<Announcement> announcements = new ArrayList<>();
    private List<Session> sessions = new ArrayList<>();
    private Map<String, LocalDate> startedOn = new HashMap<>();
    private Map<String, String> startSources = new HashMap<>();
    private List<Publication> publications = new ArrayList<>();

    void announce(Debate debate, LocalDate on, LocalDate forSession, String sourceUrl) {
        announcements.add(new Announcement(debate.name(), on, forSession, sourceUrl));
    }

    void session(Debate debate, LocalDate on, String sourceUrl) {
        sessions.add(new Session(debate.name(), on, sourceUrl));
    }

    /** The first start counts: a debate may span sessions. */
    void started(Debate debate, LocalDate on, String sourceUrl) {
        if (startedOn.putIfAbsent(debate.name(), on) == null && sourceUrl != null) {
            startSources.put(debate.name(), sourceUrl);
        }
    }

    void published(PublicationKind kind, Debate debate, String gacetaNumber, LocalDate gacetaDate, String sourceUrl) {
        publications.add(new Publication(kind, debate == null ? null : debate.name(), gacetaNumber, gacetaDate,
                sourceUrl));
    }

    /** A new committee (an upheld appeal) or a new round (art. 375) starts the debates' record again. */
    void resetDebates() {
        announcements = new ArrayList<>();
        sessions = new ArrayList<>();
        startedOn = new HashMap<>();
        startSources = new HashMap<>();
        publications = new ArrayList<>(publications.stream()
                .filter(p -> p.kind() == PublicationKind.BILL_TEXT).toList());
    }

    public Optional<LocalDate> startedOn(Debate debate) {
        return Optional.ofNullable(startedOn.get(debate.name()));
    }

    public String startSource(Debate debate) {
        return startSources.get(debate.name());
    }

    public boolean kept(Debate debate) {
        String name = debate.name();
        return startedOn.containsKey(name) || announcements.stream().anyMatch(a -> a.debate().equals(name))
                || sessions.stream().anyMatch(s -> s.debate().equals(name))
                || publications.stream().anyMatch(p -> name.equals(p.debate()));
    }

    /** Announcements or sessions of this debate are recorded: then a vote without its announcement is visible. */
    public boolean sessionsKept(Debate debate) {
        String name = debate.name();
        return announcements.stream().anyMatch(a -> a.debate().equals(name))
                || sessions.stream().anyMatch(s -> s.debate().equals(name));
    }

    public List<Announcement> announcements(Debate debate) {
        return announcements.stream().filter(a -> a.debate().equals(debate.name())).toList();
    }

    public List<Session> sessions(Debate debate) {
        return sessions.stream().filter(s -> s.debate().equals(debate.name())).toList();
    }

    public List<Publication> publications(PublicationKind kind, Debate debate) {
        return publications.stream().filter(p -> p.kind() == kind
                && (debate == null || debate.name().equals(p.debate()))).toList();
    }

    public List<Announcement> getAnnouncements() {
        return List.copyOf(announcements);
    }

    public List<Session> getSessions() {
        return List.copyOf(sessions);
    }

    public Map<String, LocalDate> getStartedOn() {
        return Map.copyOf(startedOn);
    }

    public List<Publication> getPublications() {
        return List.copyOf(publications);
    }
}
