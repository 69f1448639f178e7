package co.vigia.starter.security;

/** What a caller may do: operators record Congress's work and manage subscribers; subscribers are NGOs. */
public enum Role {
    OPERATOR, SUBSCRIBER
}
