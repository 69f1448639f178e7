package co.vigia.notify.email;

/** The language of a person's emails. */
public enum Language {
    ES, EN;

    public String pick(String spanish, String english) {
        return this == ES ? spanish : english;
    }
}
