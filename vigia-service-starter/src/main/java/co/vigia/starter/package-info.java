/**
 * Cross-cutting infrastructure shared by Vigía's services, and nothing of any domain: Kafka topics,
 * the CloudEvents codec on Kafka and dead-lettering; the outbox relay; health indicators that work on
 * real MongoDB and on the embedded server; API-key callers; RFC 9457 problem+json errors.
 */
package co.vigia.starter;
