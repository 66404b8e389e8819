package dev.statefulai.cli.newapp;

/** A {@code new-app} request that is refused before anything is written; the message names what is allowed. */
final class Refusal extends RuntimeException {
    Refusal(String message) {
        super(message);
    }
}
