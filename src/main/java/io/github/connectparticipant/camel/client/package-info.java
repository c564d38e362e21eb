/**
 * The Participant Service client below the Camel shape: the wire (requests as the AWS SDK sends them, answers and
 * errors read), client tokens, input limits, the retry policy, and what governs the calls to a service (the learned
 * rate per operation, the retry budget and outages, the wait for capacity). Internal to the component: not part of its
 * API, and it may change in any release.
 */
package io.github.connectparticipant.camel.client;
