/**
 * Vigía's published language: the CloudEvents 1.0 envelope, one immutable past-tense record per event
 * type, the topic names and the vocabulary they share. No logic lives here; the JSON Schemas under
 * {@code schemas/<type>/v<N>.json} are the contract a non-Java consumer reads.
 */
package co.vigia.contracts;
